package app.coherence.gcp.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Pulls a subscription and hands each message to a consumer: acknowledged when it returns, nacked (so
 * Pub/Sub redelivers it) when it throws. The one-machine stand-in for a push subscription.
 */
public final class AnalysisEventSubscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalysisEventSubscription.class);

    private final Subscriber subscriber;

    private AnalysisEventSubscription(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    /** Starts pulling {@code subscription} and waits until the subscriber runs. */
    public static AnalysisEventSubscription start(PubSubConnection pubsub, String subscription,
                                                  Consumer<PubsubMessage> consumer) {
        Subscriber subscriber = pubsub.subscriber(subscription, (message, reply) -> deliver(consumer, message, reply));
        subscriber.startAsync().awaitRunning();
        return new AnalysisEventSubscription(subscriber);
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

    public boolean isRunning() {
        return subscriber.isRunning();
    }

    @Override
    public void close() {
        subscriber.stopAsync();
        try {
            subscriber.awaitTerminated(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("subscriber did not stop within 10 s");
        }
    }
}
