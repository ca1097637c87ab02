package app.coherence.local;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the one-machine system, from {@code coherence.*} properties or COHERENCE_* environment
 * variables (e.g. COHERENCE_DATA_DIR, COHERENCE_FIRESTORE_PORT). Ports 0 mean "a free one".
 */
@ConfigurationProperties(prefix = "coherence")
public record LocalSettings(
        @DefaultValue(".coherence-data") String dataDir,
        @DefaultValue("demo-coherence") String projectId,
        @DefaultValue("coherence-local") String bucket,
        @DefaultValue("0") int firestorePort,
        @DefaultValue("0") int pubsubPort,
        @DefaultValue("0") int authPort,
        /** Firestore rules to enforce; loaded when the file exists. */
        @DefaultValue("infra/firestore.rules") String firestoreRules,
        /** The web client's build output (npm run build in web/), served at / when the directory exists. */
        @DefaultValue("web/dist") String webDir,
        /** The base URL signed blob URLs use; empty: http://127.0.0.1:PORT. */
        @DefaultValue("") String publicUrl,
        /** HMAC key of the signed blob URLs; empty: generated once and kept in the data dir. */
        @DefaultValue("") String blobSecret,
        /** Shared secret the dispatcher sends to /tasks/analyze; empty: random per start. */
        @DefaultValue("") String taskSecret,
        @DefaultValue("1") int taskConcurrency,
        @DefaultValue("5") int taskMaxAttempts,
        @DefaultValue("10s") Duration taskMinBackoff,
        @DefaultValue("300s") Duration taskMaxBackoff,
        @DefaultValue("4") int taskMaxDoublings,
        @DefaultValue("30m") Duration taskAttemptTimeout,
        /** How long an analysis attempt's lease lasts before another delivery may take over. */
        @DefaultValue("90s") Duration jobLease,
        @DefaultValue("500ms") Duration jobProgressInterval,
        @DefaultValue("5") int jobMaxAttempts,
        @DefaultValue("120s") Duration emulatorStartTimeout,
        /** How often the Firestore data is exported while running (0: only on stop). */
        @DefaultValue("2s") Duration firestoreExportInterval,
        /** How often the scheduled jobs (reservation sweep, deleted-video cleanup) run (0: never). */
        @DefaultValue("5m") Duration schedulerInterval,
        /** The longest a PUT to a signed upload URL may take (the URL lives an hour). */
        @DefaultValue("60m") Duration uploadDeadline,
        /** The slowest an upload may be over any window: 16 KiB/s is far below a phone's slowest upload. */
        @DefaultValue("16384") long uploadMinBytesPerSecond,
        @DefaultValue("30s") Duration uploadRateWindow,
        /** Allows a bind address beyond loopback although the Auth emulator accepts unsigned tokens. */
        @DefaultValue("false") boolean trustedNetwork) {

    // Paths are bound as strings: Spring's String-to-Path conversion goes through resource URLs and rejects "../x".

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path rulesPath() {
        return Path.of(firestoreRules).toAbsolutePath().normalize();
    }

    public Path webPath() {
        return Path.of(webDir).toAbsolutePath().normalize();
    }

    public Path blobDir() {
        return dataPath().resolve("blobs");
    }

    public Path firestoreExportDir() {
        return dataPath().resolve("firestore");
    }

    public Path logDir() {
        return dataPath().resolve("logs");
    }

    public Path runtimeFile() {
        return dataPath().resolve("runtime.json");
    }
}
