package app.coherence.embedded.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Google Cloud CLI and its emulator components, failing with a message that says how to
 * install what is missing (they cannot come from Maven or npm).
 */
public final class GcloudSdk {
    /** Overrides where the gcloud command is. */
    public static final String GCLOUD_BIN_ENV = "COHERENCE_GCLOUD_BIN";

    private final Path gcloud;

    private GcloudSdk(Path gcloud) {
        this.gcloud = gcloud;
    }

    /** The gcloud on COHERENCE_GCLOUD_BIN or the PATH. */
    public static GcloudSdk locate() {
        return locate(System.getenv(GCLOUD_BIN_ENV), System.getenv("PATH"));
    }

    static GcloudSdk locate(String configured, String searchPath) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new EmulatorException(GCLOUD_BIN_ENV + "=" + configured + " is not an executable gcloud");
            }
            return new GcloudSdk(path);
        }
        return onPath("gcloud", searchPath).map(GcloudSdk::new).orElseThrow(() -> new EmulatorException(
                "gcloud not found on the PATH: install the Google Cloud CLI with the Firestore and Pub/Sub emulators "
                        + "(e.g. apt-get install google-cloud-cli google-cloud-cli-firestore-emulator "
                        + "google-cloud-cli-pubsub-emulator) or set " + GCLOUD_BIN_ENV));
    }

    public Path gcloud() {
        return gcloud;
    }

    /**
     * Checks the emulator component is installed ({@code platform/<directory>} in the SDK), so a missing one
     * fails here with a clear message rather than with gcloud offering to install it interactively.
     */
    public void requireComponent(String directory, String componentId, String aptPackage) {
        Path sdkRoot = sdkRoot();
        if (sdkRoot != null && !Files.isDirectory(sdkRoot.resolve("platform").resolve(directory))) {
            throw new EmulatorException("the gcloud component " + componentId + " is not installed in " + sdkRoot
                    + ": run `gcloud components install " + componentId + "` (or apt-get install " + aptPackage + ")");
        }
    }

    private Path sdkRoot() {
        try {
            Path real = gcloud.toRealPath();
            Path bin = real.getParent();
            return bin == null ? null : bin.getParent();
        } catch (IOException e) {
            return null;
        }
    }

    static Optional<Path> onPath(String command) {
        return onPath(command, System.getenv("PATH"));
    }

    static Optional<Path> onPath(String command, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
