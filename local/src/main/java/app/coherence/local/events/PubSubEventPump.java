package app.coherence.local.events;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.TopicName;
import io.cloudevents.CloudEvent;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A pull subscription on the Pub/Sub emulator feeding a CloudEvent consumer (the notifier function),
 * as an Eventarc trigger would push it: acknowledged when the consumer returns, redelivered when it throws.
 * Creates the topic and subscription if they do not exist.
 */
public final class PubSubEventPump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubEventPump.class);

    private final String projectId;
    private final String topic;
    private final String subscription;
    private final Consumer<CloudEvent> consumer;
    private final ManagedChannel channel;
    private final TransportChannelProvider channels;
    private Subscriber subscriber;

    public PubSubEventPump(String emulatorHostPort, String projectId, String topic, String subscription,
                           Consumer<CloudEvent> consumer) {
        this.projectId = projectId;
        this.topic = topic;
        this.subscription = subscription;
        this.consumer = consumer;
        this.channel = ManagedChannelBuilder.forTarget(emulatorHostPort).usePlaintext().build();
        this.channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    /** Creates the topic and subscription if needed and starts pulling. */
    public synchronized void start() throws IOException {
        TopicName topicName = TopicName.of(projectId, topic);
        ProjectSubscriptionName subscriptionName = ProjectSubscriptionName.of(projectId, subscription);
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(channels).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
            topics.createTopic(topicName);
        } catch (AlreadyExistsException exists) {
            LOG.debug("topic {} exists", topicName);
        }
        try (SubscriptionAdminClient subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(channels).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
            subscriptions.createSubscription(subscriptionName, topicName, PushConfig.getDefaultInstance(), 60);
        } catch (AlreadyExistsException exists) {
            LOG.debug("subscription {} exists", subscriptionName);
        }
        subscriber = Subscriber.newBuilder(subscriptionName, this::receive)
                .setChannelProvider(channels)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setParallelPullCount(1)
                .build();
        subscriber.startAsync().awaitRunning();
        LOG.info("pulling {} for the notifier", subscriptionName);
    }

    public boolean isRunning() {
        return subscriber != null && subscriber.isRunning();
    }

    private void receive(PubsubMessage message, AckReplyConsumer reply) {
        try {
            consumer.accept(PubSubEvents.published(projectId, topic, subscription, message));
            reply.ack();
        } catch (RuntimeException e) {
            LOG.warn("analysis event {} not handled, will be redelivered: {}", message.getMessageId(), e.toString());
            reply.nack();
        } finally {
            MDC.clear();
        }
    }

    @Override
    public synchronized void close() {
        if (subscriber != null) {
            try {
                subscriber.stopAsync().awaitTerminated(5, TimeUnit.SECONDS);
            } catch (TimeoutException | IllegalStateException e) {
                LOG.debug("subscriber did not stop cleanly: {}", e.toString());
            }
        }
        channel.shutdownNow();
    }
}
