package app.coherence.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the Firestore emulator's data (and the Auth accounts) every so often, so that even a hard kill (no shutdown hook,
 * no export on stop) loses at most one interval of changes; a graceful stop exports once more.
 */
final class FirestoreSnapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirestoreSnapshots.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "firestore-export");
        thread.setDaemon(true);
        return thread;
    });

    /** Auth accounts are a small REST download: saved often, since a Ctrl-C may stop the emulator before we can. */
    private static final Duration ACCOUNTS_EVERY = Duration.ofSeconds(2);

    FirestoreSnapshots(LocalEmulators emulators, LocalSettings settings) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                emulators.saveAccounts();
            } catch (RuntimeException e) {
                LOG.debug("saving the Auth accounts failed: {}", e.getMessage());
            }
        }, ACCOUNTS_EVERY.toMillis(), ACCOUNTS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        Duration every = settings.firestoreExportInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (emulators.firestore().isRunning()) {
                    emulators.export(settings.projectId(), settings.firestoreExportDir());
                }
            } catch (RuntimeException e) {
                LOG.warn("periodic Firestore export failed: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
