package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.emulator.EmulatorFixture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirestoreVideoStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.123456Z");
    private static Firestore db;
    private static FirestoreVideoStore store;

    @BeforeAll
    static void connect() {
        db = FirestoreClients.forEmulator(EmulatorFixture.firestore().hostPort(), "demo-videos-" + UUID.randomUUID());
        store = new FirestoreVideoStore(db);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static String newId() {
        return "v" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Video reserved(String id) {
        return Video.reserved(id, "user-1", "My talk", "uploads/user-1/" + id, "video/mp4", 1234L, T0,
                T0.plusSeconds(3600));
    }

    @Test
    void everyField_shouldSurviveARoundTrip() {
        String id = newId();
        Video full = new Video(id, "user-7", "Quarterly review", "uploads/user-7/" + id, "video/quicktime",
                5_000_000_000L, 183.25, VideoStatus.PROCESSING, new Progress("vision", 42, 17), 3,
                new VideoError(app.coherence.core.error.ErrorCode.INTERNAL, "decoder crashed"), 81, ScoreTier.STRONG, "thumbnails/" + id + ".jpg",
                "attempt-3", T0.plusSeconds(90), T0.plusSeconds(3600), T0, T0.plusMillis(1500), T0.plusSeconds(7200));

        store.create(full);

        assertThat(store.find(id)).contains(full);
    }

    @Test
    void document_shouldUseTheDesignFieldNamesAndNativeTimestamps() throws Exception {
        String id = newId();
        store.create(reserved(id).withStatus(VideoStatus.QUEUED, T0.plusSeconds(5))
                .withProgress(Progress.of("decode", 10), T0.plusSeconds(6)));

        DocumentSnapshot doc = db.collection("videos").document(id).get().get();

        assertThat(doc.getString("status")).isEqualTo("queued");
        assertThat(doc.getString("userId")).isEqualTo("user-1");
        assertThat(doc.get("createdAt")).isInstanceOf(Timestamp.class);
        assertThat(doc.get("reservationExpiresAt")).isInstanceOf(Timestamp.class);
        assertThat(doc.get("progress")).isEqualTo(Map.of("stage", "decode", "percent", 10L));
        assertThat(doc.getLong("sizeBytes")).isEqualTo(1234L);
        assertThat(doc.contains("deletedAt")).isFalse();
        assertThat(doc.contains("error")).isFalse();
    }

    @Test
    void tier_shouldBeStoredByName_withItsLabelBeside_andAnOlderLabelShouldStillRead() throws Exception {
        String id = newId();
        store.create(reserved(id).withStatus(VideoStatus.QUEUED, T0).withStatus(VideoStatus.PROCESSING, T0)
                .withCompletion(64, ScoreTier.GOOD_START, 60.0, null, T0.plusSeconds(9)));

        DocumentSnapshot doc = db.collection("videos").document(id).get().get();
        assertThat(doc.getString("scoreTier")).isEqualTo("GOOD_START");
        assertThat(doc.getString("scoreTierLabel")).isEqualTo("Good Start");

        // A document written before tiers were typed holds the label itself.
        db.collection("videos").document(id).update(Map.of("scoreTier", "Needs Work")).get();
        assertThat(store.find(id).orElseThrow().scoreTier()).isEqualTo(ScoreTier.NEEDS_WORK);
    }

    @Test
    void attempt_shouldBeKeptBesideTheListenedDocument() throws Exception {
        String id = newId();
        store.create(reserved(id).withStatus(VideoStatus.QUEUED, T0).withStatus(VideoStatus.PROCESSING, T0)
                .withAttempt("attempt-9", T0.plusSeconds(90), T0));

        DocumentSnapshot video = db.collection("videos").document(id).get().get();
        DocumentSnapshot attempt = db.collection("videoAttempts").document(id).get().get();

        assertThat(video.contains("attemptId")).as("clients listen to videos/{id}").isFalse();
        assertThat(video.contains("leaseUntil")).isFalse();
        assertThat(attempt.getString("attemptId")).isEqualTo("attempt-9");
        assertThat(attempt.get("leaseUntil")).isEqualTo(VideoDocuments.timestamp(T0.plusSeconds(90)));
        assertThat(attempt.getString("userId")).as("account deletion finds it by owner").isEqualTo("user-1");

        store.update(id, v -> v.withStatus(VideoStatus.FAILED, T0.plusSeconds(5)).withAttempt(null, null, T0.plusSeconds(5)));
        assertThat(db.collection("videoAttempts").document(id).get().get().exists()).as("no attempt left").isFalse();
    }

    @Test
    void create_twice_shouldConflictAndKeepTheFirst() {
        String id = newId();
        store.create(reserved(id));

        assertThatThrownBy(() -> store.create(reserved(id).withTitle("other", T0)))
                .isInstanceOf(CoherenceException.class)
                .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store.find(id).orElseThrow().title()).isEqualTo("My talk");
    }

    @Test
    void find_unknown_shouldBeEmpty() {
        assertThat(store.find(newId())).isEmpty();
        assertThat(store.update(newId(), v -> v.withTitle("x", T0))).isEmpty();
    }

    @Test
    void update_shouldWriteTheChangeAndReturnIt() {
        String id = newId();
        store.create(reserved(id));

        Video queued = store.update(id, v -> v.withStatus(VideoStatus.QUEUED, T0.plusSeconds(10))).orElseThrow();

        assertThat(queued.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(store.find(id)).contains(queued);
    }

    @Test
    void update_returningTheSameVideo_shouldWriteNothing() throws Exception {
        String id = newId();
        store.create(reserved(id));
        Timestamp before = db.collection("videos").document(id).get().get().getUpdateTime();

        Video unchanged = store.update(id, v -> v).orElseThrow();

        assertThat(unchanged).isEqualTo(reserved(id));
        assertThat(db.collection("videos").document(id).get().get().getUpdateTime()).isEqualTo(before);
    }

    @Test
    void update_whoseChangeThrows_shouldPassTheExceptionOnAndWriteNothing() {
        String id = newId();
        store.create(reserved(id).withStatus(VideoStatus.QUEUED, T0));

        assertThatThrownBy(() -> store.update(id, v -> v.withStatus(VideoStatus.AWAITING_UPLOAD, T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot move from QUEUED to AWAITING_UPLOAD");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(VideoStatus.QUEUED);
    }

    @Test
    void concurrentUpdates_shouldNeverLoseOne() throws Exception {
        String id = newId();
        store.create(reserved(id));
        // 3 x 6 contending transactions on one document: enough to lose updates without a transaction,
        // few enough that the emulator's lock queue never starves one past the 30 s deadline (4 x 8 did, rarely)
        int threads = 3;
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.update(id, v -> v.withAttempt(UUID.randomUUID().toString(), T0, T0));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(threads * perThread);
    }

    @Test
    void findUnfinished_shouldListQueuedAndProcessingButNotDeleted() {
        String queued = newId();
        String processing = newId();
        String done = newId();
        String deleted = newId();
        String waiting = newId();
        store.create(reserved(queued).withStatus(VideoStatus.QUEUED, T0));
        store.create(reserved(processing).withStatus(VideoStatus.QUEUED, T0).withStatus(VideoStatus.PROCESSING, T0));
        store.create(reserved(done).withStatus(VideoStatus.QUEUED, T0).withStatus(VideoStatus.PROCESSING, T0)
                .withCompletion(70, ScoreTier.GOOD_START, 60.0, null, T0));
        store.create(reserved(deleted).withStatus(VideoStatus.QUEUED, T0).withDeleted(T0));
        store.create(reserved(waiting));

        assertThat(store.findUnfinished()).extracting(Video::videoId)
                .contains(queued, processing)
                .doesNotContain(done, deleted, waiting);
    }

    @Test
    void findExpiredReservations_shouldListOnlyAwaitingUploadPastExpiry() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String expired = newId();
        String fresh = newId();
        String uploaded = newId();
        store.create(Video.reserved(expired, "u", "t", "p", "video/mp4", 1, now.minusSeconds(7200), now.minusSeconds(1)));
        store.create(Video.reserved(fresh, "u", "t", "p", "video/mp4", 1, now, now.plusSeconds(3600)));
        store.create(Video.reserved(uploaded, "u", "t", "p", "video/mp4", 1, now.minusSeconds(7200), now.minusSeconds(1))
                .withStatus(VideoStatus.QUEUED, now));

        assertThat(store.findExpiredReservations(now)).extracting(Video::videoId)
                .contains(expired)
                .doesNotContain(fresh, uploaded);
    }
}
