package app.coherence.local;

import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorException;
import app.coherence.embedded.emulator.EmulatorProcess;
import app.coherence.embedded.emulator.FirestoreEmulator;
import app.coherence.embedded.emulator.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three emulators the local system runs as child processes: Firestore (with the security rules,
 * importing the previous run's export and exporting again on stop, so data survives a restart),
 * Pub/Sub and Firebase Auth. They start in parallel; a missing one stops the start with its message.
 */
public final class LocalEmulators implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEmulators.class);

    private final FirestoreEmulator firestore;
    private final PubSubEmulator pubsub;
    private final AuthEmulator auth;
    private final AuthAccounts accounts;
    private final LeftoverEmulators leftovers;
    private volatile boolean authRestoring;

    public LocalEmulators(LocalSettings settings) {
        Path logs = settings.logDir();
        this.leftovers = new LeftoverEmulators(settings.dataPath());
        this.firestore = new FirestoreEmulator(settings.firestorePort(), logs.resolve("firestore.log"))
                .importFrom(settings.firestoreExportDir())
                .exportOnStop(settings.projectId(), settings.firestoreExportDir());
        if (Files.isRegularFile(settings.rulesPath())) {
            firestore.rules(settings.rulesPath());
        } else {
            LOG.warn("no Firestore rules at {}: the emulator allows every client access", settings.rulesPath());
        }
        this.pubsub = new PubSubEmulator(settings.pubsubPort(), settings.dataPath().resolve("pubsub"), logs.resolve("pubsub.log"));
        this.auth = new AuthEmulator(settings.authPort(), settings.projectId(), settings.dataPath().resolve("auth"),
                logs.resolve("auth.log"));
        this.accounts = new AuthAccounts(auth.hostPort(), settings.projectId(), settings.dataPath().resolve("auth-accounts.json"));
    }

    /** Starts all three; on any failure stops those that started and throws the first failure. */
    public void start(java.time.Duration timeout) {
        leftovers.endOrphans();
        List<EmulatorProcess> all = List.of(firestore, pubsub, auth);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (EmulatorProcess emulator : all) {
            starts.add(CompletableFuture.runAsync(() -> emulator.start(timeout)));
        }
        EmulatorException failure = null;
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof EmulatorException ee ? ee
                            : new EmulatorException("an emulator failed to start: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
        leftovers.remember(all);
        int restored = accounts.restore();
        if (restored > 0) {
            LOG.info("restored {} Auth emulator account(s)", restored);
        }
    }

    /**
     * Starts again any emulator whose process died (the Firestore one imports the last export, the Auth
     * one gets its saved accounts back); returns the names of those restarted. Until then /healthz
     * reports them down.
     */
    public List<String> restartDead(java.time.Duration timeout) {
        List<String> restarted = new ArrayList<>();
        for (EmulatorProcess emulator : List.of(firestore, pubsub, auth)) {
            try {
                if (emulator == auth && !auth.isRunning()) {
                    // the periodic save must not copy the fresh, empty emulator over the saved accounts
                    authRestoring = true;
                }
                if (emulator.restartIfDead(timeout)) {
                    restarted.add(emulator.name());
                    if (emulator == auth) {
                        LOG.info("restored {} Auth emulator account(s)", accounts.restore());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("the {} emulator could not be started again (next try soon): {}", emulator.name(), e.getMessage());
            } finally {
                if (emulator == auth && auth.isRunning()) {
                    authRestoring = false;
                }
            }
        }
        if (!restarted.isEmpty()) {
            leftovers.remember(List.of(firestore, pubsub, auth));
        }
        return restarted;
    }

    public FirestoreEmulator firestore() {
        return firestore;
    }

    public PubSubEmulator pubsub() {
        return pubsub;
    }

    public AuthEmulator auth() {
        return auth;
    }

    /** The Auth emulator answers and has its saved accounts back (before that, old tokens read as revoked). */
    public boolean authReady() {
        return auth.isRunning() && !authRestoring;
    }

    /** Exports the Firestore data now (also done on stop). */
    public void export(String projectId, Path dir) {
        firestore.export(projectId, dir);
    }

    /** Saves the Auth emulator's accounts now (also done on stop, unless the emulator's own exit hook ran first). */
    public void saveAccounts() {
        if (auth.isRunning() && !authRestoring) {
            accounts.save();
        }
    }

    /** Stops the emulators: Firestore exports its data first, the Auth accounts are saved. */
    @Override
    public void close() {
        if (auth.isRunning() && !authRestoring) {
            try {
                accounts.save();
            } catch (RuntimeException e) {
                LOG.warn("saving the Auth accounts failed: {}", e.getMessage());
            }
        }
        for (EmulatorProcess emulator : List.of(firestore, pubsub, auth)) {
            try {
                emulator.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping the {} emulator failed: {}", emulator.name(), e.getMessage());
            }
        }
        leftovers.forget();
    }
}
