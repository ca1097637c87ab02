package app.coherence.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Verdict;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The specification every adapter of {@link VideoStore}, {@link UploadLedger} and {@link UsageStore}
 * meets, run against the in-memory fixture and against Firestore alike. Users are on the free plan
 * with the default limits (2 analyses a month).
 */
public abstract class VideoStoreContract {
    protected static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    protected abstract VideoStore videos();

    protected abstract UploadLedger ledger();

    protected abstract UsageStore usage();

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static Video reservation(String userId) {
        String id = newId("v");
        return VideoLifecycle.reserve(id, userId, "Pitch", "uploads/" + userId + "/" + id, "video/mp4", 100, NOW,
                NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aReservationTakesASlotAndIsStoredAsReserved() {
        String user = newId("u");
        Video v = reservation(user);
        ledger().reserve(v);
        assertThat(videos().find(v.videoId())).contains(v);
        assertThat(usage().find(user, MONTH).analyses()).isEqualTo(1);
        assertThat(usage().find(user, MONTH).uploadsOn(DAY)).isEqualTo(1);
    }

    @Test
    void aReservationOverTheMonthsLimitWritesNothing() {
        String user = newId("u");
        ledger().reserve(reservation(user));
        ledger().reserve(reservation(user));
        Video third = reservation(user);
        assertThatThrownBy(() -> ledger().reserve(third))
                .isInstanceOfSatisfying(CoherenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        assertThat(videos().find(third.videoId())).isEmpty();
        assertThat(usage().find(user, MONTH).analyses()).isEqualTo(2);
    }

    @Test
    void creatingAnExistingVideoIsAConflict() {
        Video v = reservation(newId("u"));
        videos().create(v);
        assertThatThrownBy(() -> videos().create(v))
                .isInstanceOfSatisfying(CoherenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void applyStoresAMoveAndLeavesAStayAlone() {
        Video v = reservation(newId("u"));
        ledger().reserve(v);
        Optional<Transition> queued = videos().apply(v.videoId(), x -> VideoLifecycle.acceptUpload(x, 90, "video/mp4", NOW.plusSeconds(5)));
        assertThat(queued).hasValueSatisfying(t -> assertThat(t.verdict()).isEqualTo(Verdict.MOVED));
        Video stored = videos().find(v.videoId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(stored.sizeBytes()).isEqualTo(90);
        assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(5));

        Transition again = videos().apply(v.videoId(), x -> VideoLifecycle.acceptUpload(x, 90, "video/mp4", NOW.plusSeconds(9))).orElseThrow();
        assertThat(again.moved()).isFalse();
        assertThat(videos().find(v.videoId()).orElseThrow().updatedAt()).as("nothing written").isEqualTo(NOW.plusSeconds(5));
        assertThat(videos().apply(newId("missing"), x -> VideoLifecycle.delete(x, NOW))).isEmpty();
    }

    @Test
    void aReturnedSlotGoesBackOnceAndTheDaysUploadsStay() {
        String user = newId("u");
        Video v = reservation(user);
        ledger().reserve(v);
        ledger().reserve(reservation(user));
        videos().apply(v.videoId(), x -> VideoLifecycle.delete(x, NOW.plusSeconds(1)));
        assertThat(usage().find(user, MONTH).analyses()).isEqualTo(1);
        videos().apply(v.videoId(), x -> VideoLifecycle.expire(x, NOW.plus(Duration.ofHours(2))));
        ledger().release(v);
        assertThat(usage().find(user, MONTH).analyses()).as("once per video").isEqualTo(1);
        assertThat(usage().find(user, MONTH).uploadsOn(DAY)).isEqualTo(2);
        Video expired = videos().find(v.videoId()).orElseThrow();
        assertThat(expired.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(expired.error().code()).isEqualTo(ErrorCode.RESERVATION_EXPIRED);
        assertThat(expired.isDeleted()).isTrue();
    }

    @Test
    void queriesFindOverdueReservationsAndUnfinishedVideos() {
        String user = newId("u");
        Video overdue = reservation(user);
        Video queued = reservation(user);
        ledger().reserve(overdue);
        ledger().reserve(queued);
        videos().apply(queued.videoId(), x -> VideoLifecycle.acceptUpload(x, 100, "video/mp4", NOW));
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(videos().findExpiredReservations(later)).extracting(Video::videoId)
                .contains(overdue.videoId()).doesNotContain(queued.videoId());
        assertThat(videos().findExpiredReservations(NOW)).extracting(Video::videoId).doesNotContain(overdue.videoId());
        assertThat(videos().findUnfinished()).extracting(Video::videoId)
                .contains(queued.videoId()).doesNotContain(overdue.videoId());
        videos().apply(queued.videoId(), x -> VideoLifecycle.delete(x, later));
        assertThat(videos().findUnfinished()).extracting(Video::videoId).doesNotContain(queued.videoId());
    }

    @Test
    void anAttemptIsKeptWithItsVideoThroughClaimProgressAndCompletion() {
        Video v = reservation(newId("u"));
        ledger().reserve(v);
        videos().apply(v.videoId(), x -> VideoLifecycle.acceptUpload(x, 100, "video/mp4", NOW));
        Duration lease = Duration.ofSeconds(90);
        Transition claimed = videos().apply(v.videoId(), x -> VideoLifecycle.claim(x, "attempt-1", NOW.plusSeconds(1), lease))
                .orElseThrow();
        assertThat(videos().find(v.videoId())).contains(claimed.video());
        assertThat(videos().findUnfinished()).filteredOn(x -> x.videoId().equals(v.videoId())).containsExactly(claimed.video());

        Transition renewed = videos().apply(v.videoId(), x -> VideoLifecycle.progress(x, "attempt-1", Progress.of("speech", 40),
                NOW.plusSeconds(30), lease)).orElseThrow();
        assertThat(videos().find(v.videoId()).orElseThrow().leaseUntil()).isEqualTo(NOW.plusSeconds(30).plus(lease))
                .isEqualTo(renewed.video().leaseUntil());
        Transition other = videos().apply(v.videoId(), x -> VideoLifecycle.progress(x, "attempt-0", Progress.of("speech", 50),
                NOW.plusSeconds(31), lease)).orElseThrow();
        assertThat(other.moved()).as("only the attempt that holds the video").isFalse();

        Transition done = videos().apply(v.videoId(), x -> VideoLifecycle.complete(x, "attempt-1", 70, ScoreTier.GOOD_START, 60.0, null,
                NOW.plusSeconds(60))).orElseThrow();
        assertThat(videos().find(v.videoId())).contains(done.video());
        assertThat(videos().find(v.videoId()).orElseThrow().leaseUntil()).isNull();
    }

    @Test
    void theOwnersReadHoldsAllButTheAttempt() {
        Video v = reservation(newId("u"));
        ledger().reserve(v);
        videos().apply(v.videoId(), x -> VideoLifecycle.acceptUpload(x, 100, "video/mp4", NOW));
        Duration lease = Duration.ofSeconds(90);
        videos().apply(v.videoId(), x -> VideoLifecycle.claim(x, "attempt-1", NOW.plusSeconds(1), lease));
        Video stored = videos().apply(v.videoId(), x -> VideoLifecycle.progress(x, "attempt-1", Progress.of("vision", 60),
                NOW.plusSeconds(20), lease)).orElseThrow().video();
        Video seen = videos().findForOwner(v.videoId()).orElseThrow();
        // what clients are shown is all there; the attempt (id and lease) may be left out
        assertThat(seen).usingRecursiveComparison().ignoringFields("attemptId", "leaseUntil").isEqualTo(stored);
        assertThat(seen.progress()).isEqualTo(Progress.of("vision", 60));
        assertThat(videos().findForOwner(newId("missing"))).isEmpty();
    }
}
