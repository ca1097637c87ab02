package app.coherence.gcp.firestore;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gcloud Firestore emulator as a child process on a free port, optionally enforcing a rules file,
 * with an admin client (the emulator's "owner" credentials bypass rules, as the admin SDK does in GCP).
 */
public final class FirestoreTestEmulator implements AutoCloseable {
    private final Process process;
    private final String hostPort;
    private final String projectId;
    private final Firestore admin;

    private FirestoreTestEmulator(Process process, String hostPort, String projectId) {
        this.process = process;
        this.hostPort = hostPort;
        this.projectId = projectId;
        this.admin = client(hostPort, projectId);
    }

    public static FirestoreTestEmulator start(Path rules) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String hostPort = "127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of("gcloud", "beta", "emulators", "firestore", "start",
                "--host-port=" + hostPort, "--quiet"));
        if (rules != null) {
            command.add("--rules=" + rules.toAbsolutePath());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Dev App Server is now running")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "firestore-emulator-log");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(90, TimeUnit.SECONDS)) {
            stop(process);
            synchronized (log) {
                throw new IllegalStateException("Firestore emulator did not start:\n" + log);
            }
        }
        return new FirestoreTestEmulator(process, hostPort, "demo-coherence-" + port);
    }

    public static Firestore client(String hostPort, String projectId) {
        return FirestoreOptions.newBuilder()
                .setProjectId(projectId)
                .setHost(hostPort)
                .setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(hostPort)
                        .setChannelConfigurator(b -> b.usePlaintext()).build())
                .setCredentialsProvider(FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
                .build()
                .getService();
    }

    public Firestore admin() {
        return admin;
    }

    public String hostPort() {
        return hostPort;
    }

    public String projectId() {
        return projectId;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        stop(process);
    }

    private static void stop(Process process) {
        // The gcloud wrapper can leave the emulator's java child running: end the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
