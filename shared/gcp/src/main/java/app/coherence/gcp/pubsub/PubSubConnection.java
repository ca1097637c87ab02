package app.coherence.gcp.pubsub;

import app.coherence.gcp.Deadlines;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * How our Pub/Sub clients reach Pub/Sub: GCP with default credentials, or the emulator over a plaintext
 * channel without credentials (set explicitly, so PUBSUB_EMULATOR_HOST is not needed). Creates
 * publishers, subscribers, and topics/subscriptions for emulator setups.
 */
public final class PubSubConnection implements AutoCloseable {
    private final String projectId;
    private final ManagedChannel channel;
    private final TransportChannelProvider channels;
    private final CredentialsProvider credentials;

    private PubSubConnection(String projectId, ManagedChannel channel, TransportChannelProvider channels,
                             CredentialsProvider credentials) {
        this.projectId = projectId;
        this.channel = channel;
        this.channels = channels;
        this.credentials = credentials;
    }

    /** Real Pub/Sub of {@code projectId}, with the client libraries' default channel and credentials. */
    public static PubSubConnection gcp(String projectId) {
        return new PubSubConnection(projectId, null, null, null);
    }

    /** The emulator at {@code hostPort} ("127.0.0.1:PORT"). */
    public static PubSubConnection emulator(String hostPort, String projectId) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(hostPort).usePlaintext().build();
        return new PubSubConnection(projectId, channel,
                FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)), NoCredentialsProvider.create());
    }

    public String projectId() {
        return projectId;
    }

    public Publisher publisher(String topic) {
        Publisher.Builder builder = Publisher.newBuilder(TopicName.of(projectId, topic))
                .setRetrySettings(Deadlines.retries(Deadlines.PUBSUB_PUBLISH));
        if (channels != null) {
            builder.setChannelProvider(channels).setCredentialsProvider(credentials);
        }
        return io(() -> builder.build());
    }

    /** A started-on-demand pull subscriber (call {@code startAsync()}). */
    public Subscriber subscriber(String subscription, MessageReceiver receiver) {
        Subscriber.Builder builder = Subscriber.newBuilder(ProjectSubscriptionName.of(projectId, subscription), receiver)
                .setParallelPullCount(1);
        if (channels != null) {
            builder.setChannelProvider(channels).setCredentialsProvider(credentials);
        }
        return builder.build();
    }

    /** Creates the topic unless it exists (emulator setups; in GCP Terraform creates it). */
    public void ensureTopic(String topic) {
        TopicAdminSettings.Builder settings = TopicAdminSettings.newBuilder();
        if (channels != null) {
            settings.setTransportChannelProvider(channels).setCredentialsProvider(credentials);
        }
        try (TopicAdminClient admin = io(() -> TopicAdminClient.create(settings.build()))) {
            admin.createTopic(TopicName.of(projectId, topic));
        } catch (AlreadyExistsException exists) {
            // already there: nothing to do
        }
    }

    /** Creates a pull subscription on the topic unless it exists. */
    public void ensureSubscription(String subscription, String topic, int ackDeadlineSeconds) {
        SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder();
        if (channels != null) {
            settings.setTransportChannelProvider(channels).setCredentialsProvider(credentials);
        }
        try (SubscriptionAdminClient admin = io(() -> SubscriptionAdminClient.create(settings.build()))) {
            admin.createSubscription(ProjectSubscriptionName.of(projectId, subscription), TopicName.of(projectId, topic),
                    PushConfig.getDefaultInstance(), ackDeadlineSeconds);
        } catch (AlreadyExistsException exists) {
            // already there: nothing to do
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.shutdown();
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.shutdownNow();
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Pub/Sub client", e);
        }
    }
}
