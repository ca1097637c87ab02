package app.coherence.core.video;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VideoLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(90);

    private static Video reserved() {
        return VideoLifecycle.reserve("v1", "u1", "Pitch", "uploads/u1/v1", "video/mp4", 1000, T0, T0.plus(Duration.ofHours(1)));
    }

    private static Video processing(String attemptId) {
        Video queued = VideoLifecycle.acceptUpload(reserved(), 1000, "video/mp4", T0.plusSeconds(60)).video();
        return VideoLifecycle.claim(queued, attemptId, T0.plusSeconds(61), LEASE).video();
    }

    @Test
    void expire_shouldFailAnOverdueReservationAndGiveItsSlotBack() {
        Transition early = VideoLifecycle.expire(reserved(), T0.plus(Duration.ofMinutes(59)));
        assertThat(early.moved()).isFalse();
        assertThat(early.effects()).isEmpty();

        Transition late = VideoLifecycle.expire(reserved(), T0.plus(Duration.ofMinutes(61)));
        assertThat(late.moved()).isTrue();
        assertThat(late.video().status()).isEqualTo(VideoStatus.FAILED);
        assertThat(late.video().error().code()).isEqualTo(ErrorCode.RESERVATION_EXPIRED);
        assertThat(late.effects()).containsExactly(Effect.RETURN_QUOTA_SLOT);
        assertThat(VideoLifecycle.expire(late.video(), T0.plus(Duration.ofHours(2))).moved()).as("once").isFalse();
    }

    @Test
    void acceptUpload_shouldQueueAMatchingFileAndEnqueueItsAnalysis() {
        Transition queued = VideoLifecycle.acceptUpload(reserved(), 900, "VIDEO/MP4", T0.plusSeconds(30));
        assertThat(queued.verdict()).isEqualTo(Verdict.MOVED);
        assertThat(queued.video().status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(queued.video().sizeBytes()).isEqualTo(900);
        assertThat(queued.effects()).containsExactly(Effect.ENQUEUE_ANALYSIS);

        Transition again = VideoLifecycle.acceptUpload(queued.video(), 900, "video/mp4", T0.plusSeconds(31));
        assertThat(again.moved()).isFalse();
        assertThat(again.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(again.effects()).as("a duplicate event enqueues again, harmlessly").containsExactly(Effect.ENQUEUE_ANALYSIS);
    }

    @Test
    void acceptUpload_shouldRejectAMismatchDeleteTheFileAndGiveTheSlotBack() {
        Transition tooLarge = VideoLifecycle.acceptUpload(reserved(), 1001, "video/mp4", T0);
        assertThat(tooLarge.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(tooLarge.video().error().code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.effects()).containsExactlyInAnyOrder(Effect.DELETE_UPLOADED_FILE, Effect.RETURN_QUOTA_SLOT);

        assertThat(VideoLifecycle.acceptUpload(reserved(), 0, "video/mp4", T0).video().error().code())
                .isEqualTo(ErrorCode.INVALID_MEDIA);
        assertThat(VideoLifecycle.acceptUpload(reserved(), 10, "text/plain", T0).video().error().message())
                .contains("text/plain").contains("video/mp4");
    }

    @Test
    void acceptUpload_shouldDeleteALateFileAndIgnoreADeletedVideo() {
        Video expired = VideoLifecycle.expire(reserved(), T0.plus(Duration.ofHours(2))).video();
        Transition late = VideoLifecycle.acceptUpload(expired, 1000, "video/mp4", T0.plus(Duration.ofHours(2)));
        assertThat(late.verdict()).isEqualTo(Verdict.TOO_LATE);
        assertThat(late.effects()).containsExactly(Effect.DELETE_UPLOADED_FILE);

        Video deleted = VideoLifecycle.delete(reserved(), T0.plusSeconds(5)).video();
        assertThat(VideoLifecycle.acceptUpload(deleted, 1000, "video/mp4", T0.plusSeconds(6)).verdict()).isEqualTo(Verdict.IGNORED);
    }

    @Test
    void claim_shouldTakeAQueuedVideoWithALeaseAndRefuseWhileTheLeaseLives() {
        Video claimed = processing("a1");
        assertThat(claimed.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.attemptId()).isEqualTo("a1");
        assertThat(claimed.leaseUntil()).isEqualTo(T0.plusSeconds(61).plus(LEASE));
        assertThat(claimed.progress()).isEqualTo(Progress.of(VideoLifecycle.FIRST_STAGE, 0));

        assertThat(VideoLifecycle.claim(claimed, "a2", T0.plusSeconds(100), LEASE).verdict()).isEqualTo(Verdict.BUSY);
        Transition takeover = VideoLifecycle.claim(claimed, "a2", claimed.leaseUntil().plusSeconds(1), LEASE);
        assertThat(takeover.moved()).as("a dead attempt's video is taken over").isTrue();
        assertThat(takeover.video().attempts()).isEqualTo(2);
    }

    @Test
    void claim_shouldLeaveAnAnalysedVideoAloneButAnnounceItAgain() {
        Video done = VideoLifecycle.complete(processing("a1"), "a1", 80, ScoreTier.STRONG, 60.0, null, T0.plusSeconds(200)).video();
        Transition redelivery = VideoLifecycle.claim(done, "a2", T0.plusSeconds(300), LEASE);
        assertThat(redelivery.moved()).isFalse();
        assertThat(redelivery.effects()).containsExactly(Effect.ANNOUNCE_OUTCOME);
        assertThat(VideoLifecycle.claim(reserved(), "a3", T0, LEASE).effects()).as("not uploaded yet").isEmpty();
    }

    @Test
    void progress_shouldRenewTheLeaseOnlyForTheCurrentAttempt() {
        Video v = processing("a1");
        Instant later = T0.plusSeconds(120);
        Transition ours = VideoLifecycle.progress(v, "a1", new Progress("speech", 40, 30), later, LEASE);
        assertThat(ours.moved()).isTrue();
        assertThat(ours.video().progress().percent()).isEqualTo(40);
        assertThat(ours.video().leaseUntil()).isEqualTo(later.plus(LEASE));
        assertThat(VideoLifecycle.progress(v, "old", Progress.of("speech", 50), later, LEASE).verdict())
                .isEqualTo(Verdict.NOT_THIS_ATTEMPT);
        Video deleted = VideoLifecycle.delete(v, later).video();
        assertThat(VideoLifecycle.progress(deleted, "a1", Progress.of("speech", 50), later, LEASE).verdict())
                .as("a deletion stops the analysis").isEqualTo(Verdict.NOT_THIS_ATTEMPT);
    }

    @Test
    void complete_shouldKeepTheSlotAndAnnounce() {
        Transition done = VideoLifecycle.complete(processing("a1"), "a1", 64, ScoreTier.GOOD_START, 75.5, "thumbnails/u1/v1.jpg", T0.plusSeconds(200));
        assertThat(done.video().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.video().coherenceScore()).isEqualTo(64);
        assertThat(done.video().leaseUntil()).isNull();
        assertThat(done.effects()).containsExactly(Effect.ANNOUNCE_OUTCOME);
        assertThat(VideoLifecycle.complete(processing("a1"), "a0", 64, ScoreTier.GOOD_START, 75.5, null, T0).verdict())
                .isEqualTo(Verdict.NOT_THIS_ATTEMPT);
    }

    @Test
    void fail_shouldGiveTheSlotBackForAFileThatIsNotATalk() {
        for (ErrorCode code : new ErrorCode[] {ErrorCode.INVALID_MEDIA, ErrorCode.NO_AUDIO_TRACK, ErrorCode.NO_SPEECH,
                ErrorCode.TOO_SHORT, ErrorCode.TOO_LONG}) {
            Transition failed = VideoLifecycle.fail(processing("a1"), "a1", new VideoError(code, "not a talk"), T0.plusSeconds(90));
            assertThat(failed.video().status()).isEqualTo(VideoStatus.FAILED);
            assertThat(failed.effects()).as(code.name()).containsExactlyInAnyOrder(Effect.RETURN_QUOTA_SLOT, Effect.ANNOUNCE_OUTCOME);
        }
    }

    @Test
    void attemptFailed_shouldRetryWhileAttemptsRemainThenFailInternal() {
        Video v = processing("a1");
        Transition retry = VideoLifecycle.attemptFailed(v, "a1", 2, T0.plusSeconds(70));
        assertThat(retry.video().status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(retry.video().leaseUntil()).as("lease freed for the next delivery").isNull();
        assertThat(retry.effects()).isEmpty();

        Video second = VideoLifecycle.claim(retry.video(), "a2", T0.plusSeconds(80), LEASE).video();
        Transition gaveUp = VideoLifecycle.attemptFailed(second, "a2", 2, T0.plusSeconds(90));
        assertThat(gaveUp.video().status()).isEqualTo(VideoStatus.FAILED);
        assertThat(gaveUp.video().error().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(gaveUp.effects()).containsExactlyInAnyOrder(Effect.RETURN_QUOTA_SLOT, Effect.ANNOUNCE_OUTCOME);
    }

    @Test
    void delete_shouldGiveTheSlotBackAtOnceOnlyForAnUploadThatNeverArrived() {
        Transition never = VideoLifecycle.delete(reserved(), T0.plusSeconds(10));
        assertThat(never.video().isDeleted()).isTrue();
        assertThat(never.effects()).containsExactly(Effect.RETURN_QUOTA_SLOT);
        assertThat(VideoLifecycle.delete(never.video(), T0.plusSeconds(20)).moved()).as("twice is fine").isFalse();

        Transition analysing = VideoLifecycle.delete(processing("a1"), T0.plusSeconds(100));
        assertThat(analysing.video().isDeleted()).isTrue();
        assertThat(analysing.video().attemptId()).isNull();
        assertThat(analysing.effects()).isEmpty();
    }

    @Test
    void reconcile_shouldExpireOverdueReservationsAndDispatchStrandedVideos() {
        assertThat(VideoLifecycle.reconcile(reserved(), T0.plus(Duration.ofHours(2))).effects())
                .containsExactly(Effect.RETURN_QUOTA_SLOT);
        Video queued = VideoLifecycle.acceptUpload(reserved(), 1000, "video/mp4", T0).video();
        assertThat(VideoLifecycle.reconcile(queued, T0.plus(Duration.ofMinutes(9))).effects()).as("its task is on its way").isEmpty();
        assertThat(VideoLifecycle.reconcile(queued, T0.plus(Duration.ofMinutes(11))).effects()).containsExactly(Effect.ENQUEUE_ANALYSIS);
        Video live = processing("a1");
        assertThat(VideoLifecycle.reconcile(live, T0.plusSeconds(70)).verdict()).isEqualTo(Verdict.BUSY);
        assertThat(VideoLifecycle.reconcile(live, live.leaseUntil().plusSeconds(1)).verdict())
                .as("the queue's own retry may still take over").isEqualTo(Verdict.BUSY);
        assertThat(VideoLifecycle.reconcile(live, live.leaseUntil().plus(Duration.ofMinutes(3))).effects())
                .containsExactly(Effect.ENQUEUE_ANALYSIS);
        Video done = VideoLifecycle.complete(live, "a1", 80, ScoreTier.STRONG, 60.0, null, T0.plusSeconds(200)).video();
        assertThat(VideoLifecycle.reconcile(done, T0.plus(Duration.ofHours(1))).effects()).isEmpty();
    }
}
