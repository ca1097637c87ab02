package app.coherence.embedded.task;

import java.time.Duration;

/**
 * Cloud Tasks' retry settings: the delay before retry n starts at {@code minBackoff}, doubles
 * {@code maxDoublings} times, then grows linearly by the last doubled step, capped at
 * {@code maxBackoff}; a task is given up after {@code maxAttempts} deliveries (-1 = never).
 */
public record RetryPolicy(int maxAttempts, Duration minBackoff, Duration maxBackoff, int maxDoublings) {

    public RetryPolicy {
        if (maxAttempts == 0 || maxAttempts < -1) {
            throw new IllegalArgumentException("maxAttempts must be positive or -1 (unlimited), was " + maxAttempts);
        }
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= minBackoff <= maxBackoff");
        }
        if (maxDoublings < 0) {
            throw new IllegalArgumentException("maxDoublings must not be negative");
        }
    }

    /** The analysis queue's settings in infra/ (and Cloud Tasks' defaults for the doublings). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(300), 4);
    }

    /** The wait before the retry that follows failed attempt number {@code failedAttempts} (1 = the first delivery failed). */
    public Duration backoffAfter(int failedAttempts) {
        int retry = Math.max(0, failedAttempts - 1);
        long min = minBackoff.toMillis();
        long millis;
        if (retry <= maxDoublings) {
            millis = min << Math.min(retry, 40);
        } else {
            long step = min << Math.min(maxDoublings, 40);
            millis = step * (retry - maxDoublings + 1);
        }
        if (millis < 0 || millis > maxBackoff.toMillis()) {
            millis = maxBackoff.toMillis();
        }
        return Duration.ofMillis(millis);
    }

    /** True when a task that has been delivered {@code attempts} times may be delivered again. */
    public boolean allowsAnotherAfter(int attempts) {
        return maxAttempts == -1 || attempts < maxAttempts;
    }
}
