package app.coherence.gcp.pubsub;

import com.google.api.core.ApiService;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Pulls a subscription and hands each message to a consumer: acknowledged when it returns, nacked (so
 * Pub/Sub redelivers it) when it throws. The one-machine stand-in for a push subscription. A subscriber
 * that fails (its stream ended for good: the emulator restarted and the subscription was not yet made
 * again) is replaced by a new one after making sure the subscription exists, until it is closed.
 */
public final class AnalysisEventSubscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalysisEventSubscription.class);
    /** Between a failed subscriber and the next attempt: an emulator restart takes seconds. */
    private static final long RESTART_AFTER_MS = 1000;

    private final PubSubConnection pubsub;
    private final String subscription;
    private final Runnable ensureSubscription;
    private final Consumer<PubsubMessage> consumer;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "subscription-restarts");
        t.setDaemon(true);
        return t;
    });
    private volatile Subscriber subscriber;
    private volatile boolean closed;

    private AnalysisEventSubscription(PubSubConnection pubsub, String subscription, Runnable ensureSubscription,
                                      Consumer<PubsubMessage> consumer) {
        this.pubsub = pubsub;
        this.subscription = subscription;
        this.ensureSubscription = ensureSubscription;
        this.consumer = consumer;
    }

    /** Starts pulling {@code subscription} (which must exist) and waits until the subscriber runs. */
    public static AnalysisEventSubscription start(PubSubConnection pubsub, String subscription,
                                                  Consumer<PubsubMessage> consumer) {
        return start(pubsub, subscription, () -> { }, consumer);
    }

    /**
     * Starts pulling {@code subscription}, and waits until the subscriber runs; {@code ensureSubscription}
     * runs before every replacement of a failed subscriber (creating the topic and subscription if missing).
     */
    public static AnalysisEventSubscription start(PubSubConnection pubsub, String subscription, Runnable ensureSubscription,
                                                  Consumer<PubsubMessage> consumer) {
        AnalysisEventSubscription s = new AnalysisEventSubscription(pubsub, subscription, ensureSubscription, consumer);
        s.subscriber = s.newSubscriber();
        s.subscriber.awaitRunning();
        return s;
    }

    private Subscriber newSubscriber() {
        Subscriber next = pubsub.subscriber(subscription, (message, reply) -> deliver(consumer, message, reply));
        next.addListener(new ApiService.Listener() {
            @Override
            public void failed(ApiService.State from, Throwable failure) {
                if (!closed) {
                    log.warn("subscription {} stopped ({}); a new subscriber follows", subscription, failure.toString());
                    later();
                }
            }
        }, Runnable::run); // told at once, on the subscriber's own thread: scheduling is all it does
        next.startAsync();
        return next;
    }

    private void restart() {
        if (closed) {
            return;
        }
        try {
            ensureSubscription.run();
            subscriber = newSubscriber();
            log.info("subscription {} pulled again", subscription);
        } catch (RuntimeException notYet) {
            log.warn("subscription {} cannot be pulled yet ({}); trying again", subscription, notYet.toString());
            later();
        }
    }

    private void later() {
        try {
            restarts.schedule(this::restart, RESTART_AFTER_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed: no more subscribers
        }
    }

    private static void deliver(Consumer<PubsubMessage> consumer, PubsubMessage message, AckReplyConsumer reply) {
        String videoId = message.getAttributesOrDefault("videoId", null);
        if (videoId != null) {
            MDC.put("videoId", videoId);
        }
        try {
            consumer.accept(message);
            reply.ack();
        } catch (RuntimeException e) {
            log.warn("message {} not handled, it will be redelivered: {}", message.getMessageId(), e.toString());
            reply.nack();
        } finally {
            MDC.remove("videoId");
        }
    }

    /** Whether a subscriber is pulling now (false while a failed one is being replaced). */
    public boolean isRunning() {
        return subscriber.isRunning();
    }

    @Override
    public void close() {
        closed = true;
        Subscriber current = subscriber;
        current.stopAsync();
        try {
            current.awaitTerminated(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("subscriber did not stop within 10 s");
        } catch (IllegalStateException failedAlready) {
            // a failed subscriber has nothing left to stop
        } finally {
            restarts.shutdownNow();
        }
    }
}
