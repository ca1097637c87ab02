package app.coherence.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the emulator children and starts again any that died (killed, crashed, out of memory), as a
 * managed service would come back; /healthz reports it down meanwhile. After a restart
 * {@code afterRestart} runs (the topic and subscription are declared again: idempotent).
 */
final class EmulatorSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorSupervisor.class);
    /** How soon a dead emulator is noticed: a few seconds of 503s, not a hung analysis. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "emulator-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    /** The emulators watched: starts again those whose process died, returning their names. */
    @FunctionalInterface
    interface Watched {
        List<String> restartDead(Duration startTimeout);
    }

    EmulatorSupervisor(Watched emulators, Duration startTimeout, Runnable afterRestart) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                List<String> restarted = emulators.restartDead(startTimeout);
                if (!restarted.isEmpty()) {
                    LOG.warn("emulator(s) {} started again after dying", restarted);
                    afterRestart.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("emulator supervision failed: {}", e.toString());
            }
        }, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
