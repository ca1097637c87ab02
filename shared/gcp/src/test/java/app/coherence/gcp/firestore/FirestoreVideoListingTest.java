package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.history.HistoryService;
import app.coherence.core.history.ListRequest;
import app.coherence.core.history.VideoPage;
import app.coherence.core.history.VideoSummary;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging through a user's history on the Firestore emulator in every order, with ties, deletions and other users. */
class FirestoreVideoListingTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static FirestoreTestEmulator emulator;
    private static Firestore db;
    private static FirestoreVideoStore store;
    private static HistoryService history;
    private static final List<Video> alices = new ArrayList<>();

    @BeforeAll
    static void seed() {
        emulator = FirestoreTestEmulator.shared();
        db = emulator.admin();
        store = new FirestoreVideoStore(db);
        history = new HistoryService(null, new FirestoreVideoListing(db), null, null, Clock.systemUTC(), Duration.ofHours(1));
        for (int i = 0; i < 45; i++) {
            // Ties on purpose: createdAt repeats every 3, scores every 7 (some unscored), titles every 5.
            Video v = video("a" + String.format("%02d", (i * 17) % 45), "alice", "Talk " + (i % 5),
                    T0.plusSeconds(i / 3 * 60), i % 9 == 0 ? null : 40 + i % 7, i % 4 == 0 ? VideoStatus.FAILED : VideoStatus.COMPLETED);
            store.create(v);
            alices.add(v);
        }
        for (int i = 0; i < 6; i++) {
            store.create(video("d" + i, "alice", "Deleted " + i, T0.plusSeconds(i * 90), 50, VideoStatus.COMPLETED)
                    .withDeleted(T0.plusSeconds(5000)));
        }
        for (int i = 0; i < 5; i++) {
            store.create(video("b" + i, "bob", "Talk " + i, T0.plusSeconds(i * 60), 60, VideoStatus.COMPLETED));
        }
    }

    @AfterAll
    static void close() throws Exception {
        emulator.close();
    }

    @Test
    void list_shouldPageThroughEveryOrderWithoutDuplicatesOrGaps() {
        for (String sort : List.of("createdAt", "coherenceScore", "title")) {
            for (String order : List.of("asc", "desc")) {
                for (int limit : List.of(7, 20)) {
                    List<String> seen = pageAll(sort, order, null, limit);
                    assertThat(seen).as(sort + " " + order + " by " + limit)
                            .containsExactlyElementsOf(expected(alices, sort, order));
                }
            }
        }
    }

    @Test
    void list_shouldFilterByStatus() {
        List<Video> failed = alices.stream().filter(v -> v.status() == VideoStatus.FAILED).toList();
        assertThat(pageAll("coherenceScore", "desc", "failed", 4)).containsExactlyElementsOf(expected(failed, "coherenceScore", "desc"));
        assertThat(pageAll("createdAt", "desc", "queued", 4)).isEmpty();
    }

    private static List<String> pageAll(String sort, String order, String status, int limit) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            VideoPage page = history.list("alice", new ListRequest(String.valueOf(limit), cursor, sort, order, status));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            page.items().stream().map(VideoSummary::videoId).forEach(ids::add);
            cursor = page.nextCursor();
            if (cursor != null) {
                assertThat(page.items()).hasSize(limit);
                assertThat(cursors.add(cursor)).isTrue();
            }
        } while (cursor != null);
        return ids;
    }

    static List<String> expected(List<Video> videos, String sort, String order) {
        Comparator<Video> byField = switch (sort) {
            case "createdAt" -> Comparator.comparing(Video::createdAt);
            case "coherenceScore" -> Comparator.comparing(Video::coherenceScore, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing(Video::title);
        };
        Comparator<Video> c = byField.thenComparing(Video::videoId);
        if (order.equals("desc")) {
            c = c.reversed();
        }
        return videos.stream().sorted(c).map(Video::videoId).toList();
    }

    static Video video(String id, String user, String title, Instant created, Integer score, VideoStatus status) {
        Video v = Video.reserved(id, user, title, "uploads/" + user + "/" + id, "video/mp4", 1000, created, created.plusSeconds(3600));
        v = v.withStatus(VideoStatus.QUEUED, created);
        if (status == VideoStatus.FAILED) {
            return new Video(id, user, title, v.storagePath(), "video/mp4", 1000, null, VideoStatus.FAILED, null, 1,
                    new app.coherence.core.video.VideoError(app.coherence.core.error.ErrorCode.INVALID_MEDIA, "not a video"), score,
                    score == null ? null : ScoreTier.GOOD_START, null, null, null, null, created, created, null);
        }
        return new Video(id, user, title, v.storagePath(), "video/mp4", 1000, 60.0, VideoStatus.COMPLETED, null, 1, null,
                score, score == null ? null : ScoreTier.GOOD_START, null, null, null, null, created, created, null);
    }
}
