package app.coherence.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.EmulatorFixture;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PubSubAnalysisEventsTest {
    private static final String TOPIC = PubSubAnalysisEvents.TOPIC;
    private static final String SUBSCRIPTION = "notifier";
    private PubSubConnection pubsub;
    private PubSubAnalysisEvents events;

    @BeforeEach
    void connect() {
        pubsub = PubSubConnection.emulator(EmulatorFixture.pubsub().hostPort(), "demo-events-" + UUID.randomUUID());
        pubsub.ensureTopic(TOPIC);
        pubsub.ensureSubscription(SUBSCRIPTION, TOPIC, 10);
        events = new PubSubAnalysisEvents(pubsub.publisher(TOPIC));
    }

    @AfterEach
    void close() throws Exception {
        events.close();
        pubsub.close();
    }

    private static AnalysisEvent completed(String videoId) {
        return new AnalysisEvent(AnalysisEvent.Type.COMPLETED, videoId, "user-1", 83, ScoreTier.STRONG, null, null,
                Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void publish_shouldDeliverTheEventAsJsonWithTypeAndVideoIdAttributes() throws Exception {
        pubsub.ensureTopic(TOPIC); // a second setup of an existing topic and subscription is harmless
        pubsub.ensureSubscription(SUBSCRIPTION, TOPIC, 10);
        BlockingQueue<PubsubMessage> received = new LinkedBlockingQueue<>();
        try (AnalysisEventSubscription ignored = AnalysisEventSubscription.start(pubsub, SUBSCRIPTION, received::add)) {
            events.publish(completed("v-1"));

            PubsubMessage message = received.poll(30, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getAttributesMap()).containsEntry("type", "completed").containsEntry("videoId", "v-1");
            assertThat(Json.read(message.getData().toByteArray(), AnalysisEvent.class)).isEqualTo(completed("v-1"));
            assertThat(received.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void failingConsumer_shouldGetTheMessageAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        try (AnalysisEventSubscription ignored = AnalysisEventSubscription.start(pubsub, SUBSCRIPTION, message -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("notifier down");
            }
            handled.add(message.getAttributesOrThrow("videoId"));
        })) {
            AnalysisEvent failed = new AnalysisEvent(AnalysisEvent.Type.FAILED, "v-2", "user-1", null, null, app.coherence.core.error.ErrorCode.INVALID_MEDIA,
                    "not a video", Instant.parse("2026-11-24T12:00:00Z"));
            events.publish(failed);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (handled.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(handled).containsExactly("v-2");
            assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aSubscriptionGoneFromTheEmulator_isMadeAgainAndPulledByANewSubscriber() throws Exception {
        BlockingQueue<PubsubMessage> received = new LinkedBlockingQueue<>();
        AtomicInteger ensured = new AtomicInteger();
        try (AnalysisEventSubscription subscription = AnalysisEventSubscription.start(pubsub, SUBSCRIPTION, () -> {
            ensured.incrementAndGet();
            pubsub.ensureTopic(TOPIC);
            pubsub.ensureSubscription(SUBSCRIPTION, TOPIC, 10);
        }, received::add)) {
            // what an emulator restart does to a subscription: it is gone, and the subscriber's stream with it
            ManagedChannel channel = ManagedChannelBuilder.forTarget(EmulatorFixture.pubsub().hostPort()).usePlaintext().build();
            try (SubscriptionAdminClient admin = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                    .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
                    .setCredentialsProvider(NoCredentialsProvider.create()).build())) {
                admin.deleteSubscription(ProjectSubscriptionName.of(pubsub.projectId(), SUBSCRIPTION));
            } finally {
                channel.shutdownNow();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((ensured.get() == 0 || !subscription.isRunning()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ensured.get()).as("the subscription was made again").isPositive();
            assertThat(subscription.isRunning()).as("a new subscriber pulls").isTrue();

            events.publish(completed("v-4"));
            PubsubMessage message = received.poll(30, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getAttributesMap()).containsEntry("videoId", "v-4");
        }
    }

    @Test
    void publish_toAMissingTopic_shouldFailAsUnavailable() throws Exception {
        try (PubSubAnalysisEvents nowhere = new PubSubAnalysisEvents(pubsub.publisher("no-such-topic"))) {
            assertThatThrownBy(() -> nowhere.publish(completed("v-3")))
                    .isInstanceOf(CoherenceException.class)
                    .hasMessageContaining("publishing the completed event of video v-3 failed")
                    .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
        }
    }
}
