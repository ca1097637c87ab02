package app.coherence.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.function.CoherenceFunctionInvoker;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.functions.Context;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable notifier as Cloud Functions runs it: CoherenceFunctionInvoker starts NotifierApplication
 * (GCP ports, Firestore on its emulator) and hands it analysis-events messages; stats are counted once
 * per video however often Pub/Sub delivers, and a failure leaves a notice.
 */
class NotifierApplicationTest {
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static final String PROJECT = "demo-notifier-" + UUID.randomUUID().toString().substring(0, 8);
    private static CoherenceFunctionInvoker invoker;
    private static Firestore db;

    @BeforeAll
    static void start() {
        String firestore = EmulatorFixture.firestore().hostPort();
        ENV.put("GOOGLE_CLOUD_PROJECT", PROJECT);
        ENV.put("FIRESTORE_EMULATOR_HOST", firestore);
        ENV.put("logging.structured.format.console", "");
        ENV.forEach(System::setProperty);
        invoker = new CoherenceFunctionInvoker(NotifierApplication.class);
        db = FirestoreClients.forEmulator(firestore, PROJECT);
    }

    @AfterAll
    static void stop() throws Exception {
        ENV.keySet().forEach(System::clearProperty);
        db.close();
    }

    private static void deliver(String messageId, AnalysisEvent event) {
        String data = Base64.getEncoder().encodeToString(Json.bytes(event));
        invoker.accept("{\"@type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\",\"data\":\"" + data + "\"}",
                new Context() {
                    @Override public String eventId() { return messageId; }
                    @Override public String timestamp() { return "2026-11-24T14:00:00Z"; }
                    @Override public String eventType() { return "google.cloud.pubsub.topic.publish"; }
                    @Override public String resource() { return "projects/" + PROJECT + "/topics/analysis-events"; }
                });
    }

    @Test
    void analysisEvents_shouldUpdateStatsOncePerVideoAndStoreFailureNotices() throws Exception {
        Instant at = Instant.parse("2026-11-24T13:59:00Z");
        deliver("m1", new AnalysisEvent(AnalysisEvent.Type.COMPLETED, "v1", "uid-1", 62, ScoreTier.GOOD_START, null, null, at));
        deliver("m2", new AnalysisEvent(AnalysisEvent.Type.COMPLETED, "v1", "uid-1", 62, ScoreTier.GOOD_START, null, null, at));
        deliver("m3", new AnalysisEvent(AnalysisEvent.Type.COMPLETED, "v2", "uid-1", 90, ScoreTier.STRONG, null, null, at.plusSeconds(5)));
        deliver("m4", new AnalysisEvent(AnalysisEvent.Type.FAILED, "v3", "uid-1", null, null, app.coherence.core.error.ErrorCode.NO_AUDIO_TRACK, "no audio", at));

        DocumentSnapshot user = db.collection("users").document("uid-1").get().get();
        Map<?, ?> stats = (Map<?, ?>) user.get("stats");
        assertThat(((Number) stats.get("analyses")).intValue()).isEqualTo(2);
        assertThat(((Number) stats.get("bestScore")).intValue()).isEqualTo(90);
        assertThat(((Number) stats.get("averageScore")).doubleValue()).isEqualTo(76.0);
        DocumentSnapshot notice = db.collection("notifications").document("v3-failed").get().get();
        assertThat(notice.getString("errorCode")).isEqualTo("NO_AUDIO_TRACK");
        assertThat(notice.getString("userId")).isEqualTo("uid-1");
    }
}
