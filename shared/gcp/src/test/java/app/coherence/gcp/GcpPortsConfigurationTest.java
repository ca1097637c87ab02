package app.coherence.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.job.AnalysisEvents;
import app.coherence.core.job.JobSettings;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.upload.TaskQueue;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.user.Identity;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.pubsub.AnalysisEventSubscription;
import app.coherence.gcp.pubsub.PubSubConnection;
import app.coherence.gcp.storage.GcsBlobStore;
import app.coherence.gcp.tasks.CloudTasksQueue;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class GcpPortsConfigurationTest {

    private static Map<String, Object> environment() {
        Map<String, Object> env = new HashMap<>();
        env.put("GOOGLE_CLOUD_PROJECT", AuthEmulator.DEFAULT_PROJECT);
        env.put("COHERENCE_UPLOADS_BUCKET", "demo-coherence-uploads");
        env.put("COHERENCE_TASKS_LOCATION", "europe-west1");
        env.put("COHERENCE_TASKS_QUEUE", "analysis");
        env.put("COHERENCE_ANALYSIS_URL", "https://analysis-123.europe-west1.run.app/tasks/analyze");
        env.put("COHERENCE_TASKS_SERVICE_ACCOUNT", "tasks@demo-coherence.iam.gserviceaccount.com");
        env.put("COHERENCE_EVENTS_TOPIC", "analysis-events-" + UUID.randomUUID());
        env.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        env.put("PUBSUB_EMULATOR_HOST", EmulatorFixture.pubsub().hostPort());
        env.put("FIREBASE_AUTH_EMULATOR_HOST", EmulatorFixture.auth().hostPort());
        return env;
    }

    private static AnnotationConfigApplicationContext context(Map<String, Object> env) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("env", env));
        context.register(GcpPortsConfiguration.class);
        context.refresh();
        return context;
    }

    @Test
    void everyPort_shouldHaveExactlyOneBean() {
        try (AnnotationConfigApplicationContext context = context(environment())) {
            for (Class<?> port : new Class<?>[] {VideoStore.class, AnalysisStore.class, BlobStore.class, TaskQueue.class,
                    AnalysisEvents.class, Identity.class, UploadLedger.class, Clock.class, UploadRules.class,
                    JobSettings.class, TaskCallerCheck.class}) {
                assertThat(context.getBeanNamesForType(port)).as(port.getSimpleName()).hasSize(1);
            }
            assertThat(context.getType("blobStore")).isEqualTo(GcsBlobStore.class);
            assertThat(context.getType("taskQueue")).isEqualTo(CloudTasksQueue.class);
        }
    }

    @Test
    void emulatorHosts_shouldSendFirestorePubSubAndAuthToTheEmulators() throws Exception {
        Map<String, Object> env = environment();
        String topic = (String) env.get("COHERENCE_EVENTS_TOPIC");
        try (AnnotationConfigApplicationContext context = context(env);
             PubSubConnection pubsub = PubSubConnection.emulator((String) env.get("PUBSUB_EMULATOR_HOST"),
                     AuthEmulator.DEFAULT_PROJECT)) {
            String videoId = "cfg-" + UUID.randomUUID();
            Instant now = Instant.parse("2026-11-24T12:00:00Z");
            VideoStore videos = context.getBean(VideoStore.class);
            videos.create(Video.reserved(videoId, "u1", "t", "uploads/u1/" + videoId, "video/mp4", 10, now,
                    now.plusSeconds(3600)));
            assertThat(videos.find(videoId)).map(Video::userId).contains("u1");

            pubsub.ensureTopic(topic);
            pubsub.ensureSubscription("cfg-sub", topic, 10);
            BlockingQueue<PubsubMessage> received = new LinkedBlockingQueue<>();
            try (AnalysisEventSubscription ignored = AnalysisEventSubscription.start(pubsub, "cfg-sub", received::add)) {
                context.getBean(AnalysisEvents.class).publish(new AnalysisEvent(AnalysisEvent.Type.COMPLETED, videoId, "u1",
                        90, ScoreTier.STRONG, null, null, now));
                PubsubMessage message = received.poll(30, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
                assertThat(message.getAttributesMap()).containsEntry("videoId", videoId);
            }

            AuthEmulator.SignedIn user = EmulatorFixture.auth().signIn("cfg-" + UUID.randomUUID() + "@example.com", "pw-123456");
            assertThat(context.getBean(Identity.class).verify(user.idToken()).uid()).isEqualTo(user.uid());
        }
    }

    @Test
    void missingVariable_shouldBeNamedWhenThePortIsFirstUsed() {
        Map<String, Object> env = environment();
        env.remove("COHERENCE_TASKS_SERVICE_ACCOUNT");
        try (AnnotationConfigApplicationContext context = context(env)) {
            assertThatThrownBy(() -> context.getBean(TaskCallerCheck.class))
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COHERENCE_TASKS_SERVICE_ACCOUNT is not set");
        }
    }

    @Test
    void analysisAudience_shouldDefaultToTheServiceOrigin() {
        Map<String, Object> env = environment();
        try (AnnotationConfigApplicationContext context = context(env)) {
            assertThat(context.getBean(GcpSettings.class).analysisAudience())
                    .isEqualTo("https://analysis-123.europe-west1.run.app");
        }
    }
}
