package app.coherence.local;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The whole of Coherence in one JVM: the emulators as child processes, every function, the task
 * dispatcher and the web client on one port. {@code ./coherence up [--port N]} runs this.
 */
@SpringBootApplication(scanBasePackages = "app.coherence.local.none")
@Import(LocalSystemConfiguration.class)
public class CoherenceLocal {

    public static void main(String[] args) {
        try {
            start(args);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("coherence: cannot start: " + root.getMessage());
            System.exit(1);
        }
    }

    /** Starts the system; {@code --port N} is accepted as well as Spring's {@code --server.port=N}. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(CoherenceLocal.class);
        return app.run(translate(args));
    }

    static String[] translate(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port")) {
                if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("--port needs a port number");
                }
                out.add("--server.port=" + args[++i]);
            } else if (args[i].startsWith("--port=")) {
                out.add("--server.port=" + args[i].substring("--port=".length()));
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }
}
