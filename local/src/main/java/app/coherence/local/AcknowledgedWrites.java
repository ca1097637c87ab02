package app.coherence.local;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every write a caller was told about across a hard kill: before a function's answer to a
 * request that may write (anything but GET/HEAD) leaves, the Firestore emulator's data is exported
 * and the Auth accounts saved. Answers waiting at the same time share one export (about 50 ms), so
 * the cost is one export per burst, not per request. Writes nobody was told about (progress,
 * finalize events) are covered by the periodic export and by reconciliation.
 */
public final class AcknowledgedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedWrites.class);
    /** An export takes tens of milliseconds; a hung emulator must not hold answers longer than this. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(10);

    private final Runnable persist;
    private long requested;
    private long persisted;
    private boolean persisting;

    /** {@code persist} writes everything the emulators hold to disk (throws when it could not). */
    public AcknowledgedWrites(Runnable persist) {
        this.persist = persist;
    }

    /**
     * Returns once everything written before this call is on disk, or once that failed or took longer
     * than {@link #WAIT_AT_MOST} (logged: such an answer may be lost by a hard kill).
     */
    public void awaitPersisted() {
        long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
        long ticket;
        synchronized (this) {
            ticket = ++requested;
        }
        try {
            while (true) {
                long covers;
                synchronized (this) {
                    while (persisting && persisted < ticket) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            LOG.warn("answering before the data was exported: the export took over {}", WAIT_AT_MOST);
                            return;
                        }
                        wait(Math.max(1, left / 1_000_000));
                    }
                    if (persisted >= ticket) {
                        return;
                    }
                    // this caller exports for every ticket taken so far: their writes ended before their tickets
                    persisting = true;
                    covers = requested;
                }
                boolean done = false;
                try {
                    persist.run();
                    done = true;
                } catch (RuntimeException e) {
                    LOG.warn("answering before the data was exported: {}", e.getMessage());
                } finally {
                    synchronized (this) {
                        persisting = false;
                        if (done) {
                            persisted = Math.max(persisted, covers);
                        }
                        notifyAll();
                    }
                }
                if (!done) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
