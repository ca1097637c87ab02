package app.coherence.local.events;

import app.coherence.core.upload.FinalizedUpload;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers "object finalized" events from the local blob store to the upload-trigger function, off
 * the upload's request thread and with retries, as Eventarc does: a trigger that throws is called
 * again with the same event after a growing delay, up to {@code maxAttempts} times.
 */
public final class StorageEventForwarder implements Consumer<FinalizedUpload>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageEventForwarder.class);

    private final Consumer<CloudEvent> trigger;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "storage-events");
        thread.setDaemon(true);
        return thread;
    });

    public StorageEventForwarder(Consumer<CloudEvent> trigger, Clock clock, int maxAttempts, Duration firstBackoff) {
        this.trigger = trigger;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public void accept(FinalizedUpload upload) {
        CloudEvent event = StorageEvents.finalized(upload, clock.instant());
        executor.execute(() -> deliver(event, upload, 1));
    }

    /** Delivers one event now, on the caller's thread (for a duplicate-event check, say); throws what the trigger throws. */
    public void deliverNow(FinalizedUpload upload) {
        trigger.accept(StorageEvents.finalized(upload, clock.instant()));
    }

    private void deliver(CloudEvent event, FinalizedUpload upload, int attempt) {
        try {
            trigger.accept(event);
        } catch (RuntimeException e) {
            if (attempt >= maxAttempts) {
                LOG.error("finalize event for {} dropped after {} attempts: {}", upload.path(), attempt, e.toString(), e);
                return;
            }
            long delay = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
            LOG.warn("finalize event for {} failed (attempt {}), retrying in {} ms: {}", upload.path(), attempt, delay, e.toString());
            if (!executor.isShutdown()) {
                executor.schedule(() -> deliver(event, upload, attempt + 1), delay, TimeUnit.MILLISECONDS);
            }
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
