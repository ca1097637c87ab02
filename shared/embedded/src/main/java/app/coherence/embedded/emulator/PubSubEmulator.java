package app.coherence.embedded.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real Pub/Sub emulator from the Google Cloud CLI ({@code gcloud beta emulators pubsub start}). */
public final class PubSubEmulator extends EmulatorProcess {
    private final Path dataDir;

    /** An emulator on {@code port} (0: a free one) keeping its files in {@code dataDir}, logging to {@code logFile}. */
    public PubSubEmulator(int port, Path dataDir, Path logFile) {
        super("pubsub", FreePorts.orFree(port), logFile);
        this.dataDir = dataDir.toAbsolutePath();
    }

    @Override
    protected List<String> command() {
        GcloudSdk sdk = GcloudSdk.locate();
        sdk.requireComponent("pubsub-emulator", "pubsub-emulator", "google-cloud-cli-pubsub-emulator");
        try {
            // gcloud writes env.yaml there and fails when the directory is missing
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new EmulatorException("cannot create the Pub/Sub emulator data directory " + dataDir, e);
        }
        return List.of(sdk.gcloud().toString(), "beta", "emulators", "pubsub", "start",
                "--host-port=" + hostPort(), "--data-dir=" + dataDir, "--quiet");
    }
}
