package app.coherence.function.uploadtrigger;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.GcpTestEnvironment;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import app.coherence.gcp.function.CoherenceFunctionInvoker;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable upload trigger as Cloud Functions runs it: the Functions Framework hands the Storage
 * CloudEvent to CoherenceFunctionInvoker in its legacy background form; UploadTriggerApplication (GCP
 * ports, Firestore on the emulator) gets it back as a CloudEvent.
 */
class UploadTriggerApplicationTest {
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static final String PROJECT = "demo-trigger-" + UUID.randomUUID().toString().substring(0, 8);
    private static CoherenceFunctionInvoker invoker;

    @BeforeAll
    static void start() {
        ENV.putAll(GcpTestEnvironment.deployment(PROJECT));
        ENV.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        ENV.put("logging.structured.format.console", "");
        ENV.forEach(System::setProperty);
        invoker = new CoherenceFunctionInvoker(UploadTriggerApplication.class);
    }

    @AfterAll
    static void stop() {
        ENV.keySet().forEach(System::clearProperty);
    }

    private static Context storageContext(String object) {
        return new Context() {
            @Override public String eventId() { return UUID.randomUUID().toString(); }
            @Override public String timestamp() { return Instant.now().toString(); }
            @Override public String eventType() { return "google.storage.object.finalize"; }
            @Override public String resource() {
                return "{\"service\":\"storage.googleapis.com\",\"name\":\"projects/_/buckets/demo-coherence-uploads/objects/"
                        + object + "\",\"type\":\"storage#object\"}";
            }
        };
    }

    @Test
    void uploadTrigger_shouldRejectAnOversizedUploadThroughTheGcpPorts() throws Exception {
        try (Firestore db = FirestoreTestEmulator.client(EmulatorFixture.firestore().hostPort(), PROJECT)) {
            FirestoreVideoStore videos = new FirestoreVideoStore(db);
            String videoId = UUID.randomUUID().toString().replace("-", "");
            String path = "uploads/u-deploy/" + videoId;
            Instant now = Instant.now();
            new FirestoreUploadLedger(db, new QuotaPolicy(PlanLimits.defaults()))
                    .reserve(Video.reserved(videoId, "u-deploy", "Pitch", path, "video/mp4", 100, now, now.plusSeconds(3600)));

            // Too big for its reservation: decided from Firestore alone, before any storage or task call.
            invoker.accept("{\"bucket\":\"demo-coherence-uploads\",\"name\":\"" + path + "\",\"size\":\"5000\","
                    + "\"contentType\":\"video/mp4\"}", storageContext(path));

            Video video = videos.find(videoId).orElseThrow();
            assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
            assertThat(video.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }
}
