package app.coherence.gcp;

import com.google.api.gax.retrying.RetrySettings;
import java.time.Duration;

/**
 * How long each remote service may take to answer before the call counts as UNAVAILABLE (503: the
 * caller or the queue retries), so a dead dependency never hangs a request or an analysis lane.
 */
public final class Deadlines {
    /**
     * One Firestore read, write, query or whole transaction (contention retries included): milliseconds
     * when it is up, but an emulator on a loaded two-core machine was seen taking over 20 s for its first
     * transaction; a dead one used to hang a call for minutes.
     */
    public static final Duration FIRESTORE = Duration.ofSeconds(30);
    /** One Pub/Sub publish, batching and retries included. */
    public static final Duration PUBSUB_PUBLISH = Duration.ofSeconds(10);
    /** One Cloud Tasks createTask, retries included. */
    public static final Duration CLOUD_TASKS = Duration.ofSeconds(10);
    /** One Cloud Storage metadata call or URL signing, retries included. */
    public static final Duration STORAGE = Duration.ofSeconds(30);
    /**
     * Cloud Storage's socket read: a download may be long, but never silent for this long. The client
     * retries a silent call while {@link #STORAGE} is not over, so it divides STORAGE: at 20 s a hung
     * metadata call took two whole reads, 41 s.
     */
    public static final Duration STORAGE_READ = Duration.ofSeconds(15);
    /** Firebase Auth's HTTP calls (public keys, account lookups). */
    public static final Duration AUTH = Duration.ofSeconds(10);
    /** One Stripe API call, its own retries included. */
    public static final Duration STRIPE = Duration.ofSeconds(20);

    private Deadlines() {
    }

    /** gax retry settings whose retries all fit within {@code total}. */
    public static RetrySettings retries(Duration total) {
        return RetrySettings.newBuilder()
                .setTotalTimeoutDuration(total)
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(1.6)
                .setMaxRetryDelayDuration(Duration.ofSeconds(2))
                .setInitialRpcTimeoutDuration(total)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(total)
                .build();
    }
}
