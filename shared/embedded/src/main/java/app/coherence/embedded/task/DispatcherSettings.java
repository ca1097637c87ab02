package app.coherence.embedded.task;

import java.time.Duration;

/**
 * How the local dispatcher delivers tasks: retries, how many deliveries run at once (analysis is
 * CPU-bound: one at a time on a small machine), the per-attempt deadline, and how long a finished
 * task's name stays taken (Cloud Tasks refuses a reused name for about an hour).
 */
public record DispatcherSettings(RetryPolicy retry, int concurrency, Duration attemptTimeout, Duration nameReuseWindow) {

    public DispatcherSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive");
        }
    }

    public static DispatcherSettings defaults() {
        return new DispatcherSettings(RetryPolicy.defaults(), 1, Duration.ofMinutes(30), Duration.ofHours(1));
    }

    public DispatcherSettings withRetry(RetryPolicy value) {
        return new DispatcherSettings(value, concurrency, attemptTimeout, nameReuseWindow);
    }

    public DispatcherSettings withConcurrency(int value) {
        return new DispatcherSettings(retry, value, attemptTimeout, nameReuseWindow);
    }

    public DispatcherSettings withAttemptTimeout(Duration value) {
        return new DispatcherSettings(retry, concurrency, value, nameReuseWindow);
    }
}
