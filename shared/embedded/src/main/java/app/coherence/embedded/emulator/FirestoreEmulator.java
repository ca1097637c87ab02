package app.coherence.embedded.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Cloud Firestore emulator from the Google Cloud CLI
 * ({@code gcloud beta emulators firestore start}), optionally enforcing security rules, importing an
 * earlier export at start and exporting on a graceful stop.
 *
 * <p>Exports go through the emulator's HTTP export endpoint: the {@code --export-on-exit} flag of this
 * emulator version fails on shutdown ("Database name ... has invalid trailing /"), so it is not used.
 */
public final class FirestoreEmulator extends EmulatorProcess {
    private static final Logger log = LoggerFactory.getLogger(FirestoreEmulator.class);
    private static final String METADATA_SUFFIX = ".overall_export_metadata";

    private Path rules;
    private Path importFrom;
    private Path exportOnStopDir;
    private String exportOnStopProject;

    /** An emulator on {@code port} (0: a free one), logging to {@code logFile}. */
    public FirestoreEmulator(int port, Path logFile) {
        super("firestore", FreePorts.orFree(port), logFile);
    }

    /** Enforces these security rules for every project (clients with admin credentials bypass them). */
    public FirestoreEmulator rules(Path rulesFile) {
        if (!Files.isRegularFile(rulesFile)) {
            throw new EmulatorException("Firestore rules file " + rulesFile + " does not exist");
        }
        this.rules = rulesFile.toAbsolutePath();
        return this;
    }

    /** Loads the export kept in {@code exportDir} (as written by {@link #export}) at start, if there is one. */
    public FirestoreEmulator importFrom(Path exportDir) {
        this.importFrom = exportDir.toAbsolutePath();
        return this;
    }

    /** Exports {@code projectId}'s data into {@code exportDir} when {@link #stop()} is called. */
    public FirestoreEmulator exportOnStop(String projectId, Path exportDir) {
        this.exportOnStopProject = projectId;
        this.exportOnStopDir = exportDir.toAbsolutePath();
        return this;
    }

    @Override
    protected List<String> command() {
        GcloudSdk sdk = GcloudSdk.locate();
        sdk.requireComponent("cloud-firestore-emulator", "cloud-firestore-emulator",
                "google-cloud-cli-firestore-emulator");
        List<String> command = new ArrayList<>(List.of(sdk.gcloud().toString(), "beta", "emulators", "firestore",
                "start", "--host-port=" + hostPort(), "--quiet"));
        if (rules != null) {
            command.add("--rules=" + rules);
        }
        if (importFrom != null) {
            exportMetadata(importFrom).ifPresent(file -> command.add("--import-data=" + file));
        }
        return command;
    }

    @Override
    protected void beforeStop() {
        if (exportOnStopDir != null) {
            export(exportOnStopProject, exportOnStopDir);
        }
    }

    /**
     * Writes the current data of {@code projectId} to {@code exportDir}, replacing an earlier export there
     * only once the new one is complete (a crash mid-export keeps the old one).
     */
    public synchronized void export(String projectId, Path exportDir) {
        Path target = exportDir.toAbsolutePath();
        Path parent = target.getParent();
        Path fresh = parent.resolve(target.getFileName() + ".partial-" + System.nanoTime());
        try {
            Files.createDirectories(fresh);
            String body = "{\"database\":\"projects/" + projectId + "/databases/(default)\",\"export_directory\":\""
                    + fresh.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://" + hostPort() + "/emulator/v1/projects/" + enc(projectId) + ":export"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200 || exportMetadata(fresh).isEmpty()) {
                throw new EmulatorException("Firestore export to " + fresh + " failed: HTTP " + reply.statusCode()
                        + " " + reply.body());
            }
            Path old = parent.resolve(target.getFileName() + ".old-" + System.nanoTime());
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            log.info("exported Firestore project {} to {}", projectId, target);
        } catch (IOException e) {
            deleteTree(fresh);
            throw new EmulatorException("Firestore export to " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteTree(fresh);
            throw new EmulatorException("interrupted during Firestore export", e);
        } catch (RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
    }

    /** Deletes every document of {@code projectId} (between tests). */
    public void clear(String projectId) {
        URI uri = URI.create("http://" + hostPort() + "/emulator/v1/projects/" + enc(projectId)
                + "/databases/(default)/documents");
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new EmulatorException("clearing Firestore project " + projectId + " failed: HTTP "
                        + reply.statusCode() + " " + reply.body());
            }
        } catch (IOException e) {
            throw new EmulatorException("clearing Firestore project " + projectId + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }

    /** The {@code .overall_export_metadata} file of the export in {@code dir}, if there is one. */
    public static Optional<Path> exportMetadata(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            return files.filter(f -> f.getFileName().toString().endsWith(METADATA_SUFFIX))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
