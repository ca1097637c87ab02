package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.HeatPoint;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.analysis.Severity;
import app.coherence.core.analysis.TranscriptSegment;
import app.coherence.embedded.emulator.EmulatorFixture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirestoreAnalysisStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static Firestore db;
    private static FirestoreAnalysisStore store;

    @BeforeAll
    static void connect() {
        db = FirestoreClients.forEmulator(EmulatorFixture.firestore().hostPort(), "demo-analyses-" + UUID.randomUUID());
        store = new FirestoreAnalysisStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static AnalysisResult result(String videoId, int score) {
        Metrics metrics = new Metrics(72.5, 4, 1.5, 151.0, "140-160", new Metrics.Pauses(6, 3.25),
                new Metrics.VocalVariety(7.5, 12.0), new Metrics.Gestures(4.0), 2, new Metrics.Framing(98.0, 80.5));
        DissonanceFlag flag = new DissonanceFlag("f1", FlagType.MISSING_GESTURE, Severity.MEDIUM, 12.5, 15.0,
                "You said \"look at this\" without pointing", "Point at the slide as you say it", "look at this",
                "no gesture within 3 s", null);
        TranscriptSegment segment = new TranscriptSegment("um look at this", 11.0, 13.5, 0.91,
                List.of(new TranscriptSegment.Word("um", 11.0, 11.3, true),
                        new TranscriptSegment.Word("look", 12.4, 12.7, false)));
        return new AnalysisResult(videoId, 184.0, score, ScoreTier.STRONG, metrics, List.of(flag),
                List.of(new app.coherence.core.analysis.Moment(app.coherence.core.analysis.MomentType.LOOK_AWAY, 20.0, 22.5, "down")),
                List.of(new HeatPoint(0.0, 0.0), new HeatPoint(12.5, 0.6)), List.of("Clear pace"),
                List.of("Point when you refer to a slide"), List.of(segment), "pipeline-1.0");
    }

    @Test
    void result_shouldSurviveARoundTrip() {
        AnalysisResult saved = result("a-" + UUID.randomUUID(), 81);

        store.save("user-1", saved);

        assertThat(store.find(saved.videoId())).contains(saved);
    }

    @Test
    void document_shouldHoldOwnerVersionAndCreationTime() throws Exception {
        AnalysisResult saved = result("a-" + UUID.randomUUID(), 81);
        store.save("user-9", saved);

        DocumentSnapshot doc = db.collection("analyses").document(saved.videoId()).get().get();

        assertThat(doc.getString("userId")).isEqualTo("user-9");
        assertThat(doc.getString("pipelineVersion")).isEqualTo("pipeline-1.0");
        assertThat(doc.get("createdAt")).isEqualTo(Timestamp.ofTimeSecondsAndNanos(NOW.getEpochSecond(), 0));
        assertThat(doc.getLong("coherenceScore")).isEqualTo(81L);
        assertThat(((Map<?, ?>) doc.get("metrics")).get("speakingPaceTarget")).isEqualTo("140-160");
        assertThat(store.ownerOf(saved.videoId())).contains("user-9");
    }

    @Test
    void saveAgain_shouldReplaceTheResult() {
        String id = "a-" + UUID.randomUUID();
        store.save("user-1", result(id, 40));
        store.save("user-1", result(id, 77));

        assertThat(store.find(id).orElseThrow().coherenceScore()).isEqualTo(77);
    }

    @Test
    void find_unknown_shouldBeEmpty() {
        assertThat(store.find("nope-" + UUID.randomUUID())).isEmpty();
        assertThat(store.ownerOf("nope-" + UUID.randomUUID())).isEmpty();
    }
}
