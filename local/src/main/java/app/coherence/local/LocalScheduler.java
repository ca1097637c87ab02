package app.coherence.local;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.local.web.FunctionRoutes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Cloud Scheduler's jobs on one machine: every few minutes (and once at start) POST /tasks/reconcile
 * (stored files and video documents made to agree), /tasks/sweep-reservations (expired reservations
 * give their slots back) and /tasks/cleanup-deleted,
 * with the task secret, through the same router as any request.
 */
final class LocalScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);
    // reconcile first: a stored upload whose finalize event was lost is finalized, not expired
    static final List<String> JOBS = List.of("/tasks/reconcile", "/tasks/sweep-reservations", "/tasks/cleanup-deleted");

    private final FunctionRoutes routes;
    private final String secret;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    LocalScheduler(FunctionRoutes routes, String secret, Duration every) {
        this.routes = routes;
        this.secret = secret;
        this.every = every;
    }

    /** Runs every job now and then at the interval. */
    void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer.scheduleWithFixedDelay(this::runAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runAll() {
        for (String path : JOBS) {
            if (FunctionRoutes.functionFor(path).filter(routes::has).isEmpty()) {
                continue;
            }
            try {
                HttpReply reply = routes.handle(new HttpCall("POST", path, Map.of(),
                        Map.of(SharedSecretTaskCallerCheck.HEADER.toLowerCase(java.util.Locale.ROOT), List.of(secret)),
                        new byte[0]));
                if (reply.status() >= 300) {
                    LOG.warn("scheduled {} answered {}: {}", path, reply.status(), reply.bodyText());
                } else {
                    LOG.debug("scheduled {}: {}", path, reply.bodyText());
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduled {} failed: {}", path, e.toString());
            } finally {
                MDC.clear();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
