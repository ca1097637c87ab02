package app.coherence.embedded.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/** Run in its own JVM by a test: starts an emulator, records its process tree, and exits without stopping it. */
public final class ExitingJvmMain {

    private ExitingJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PubSubEmulator emulator = new PubSubEmulator(0, dir.resolve("data"), dir.resolve("pubsub.log"));
        emulator.start(Duration.ofSeconds(120));
        Files.writeString(dir.resolve("pids"), emulator.processTree().stream()
                .map(p -> Long.toString(p.pid())).collect(Collectors.joining("\n")));
        System.exit(0);
    }
}
