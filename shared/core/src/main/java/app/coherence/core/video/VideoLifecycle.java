package app.coherence.core.video;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * The life of one video, in one place: every step from reservation to deletion is a pure function
 * from the video as stored to a {@link Transition} (the next video, a verdict, the effects that follow).
 * Adapters store what a step decided and carry out its effects; they never decide.
 *
 * <pre>
 * awaiting_upload --acceptUpload--> queued --claim--> processing --complete--> completed
 *        |                             |                  |  ^ progress, cancelAttempt, attemptFailed (retry)
 *        +--expire / acceptUpload------+------------------+--fail / attemptFailed (gave up)--> failed
 * any status --delete--> the same status with deletedAt (an analysis in progress stops at its next progress)
 * </pre>
 *
 * Quota: a reservation takes a slot of the month; only an analysis that completes keeps it. Every
 * step into {@code failed} gives the slot back, and so does deleting an upload that never arrived.
 */
public final class VideoLifecycle {
    /** A queued video normally starts within seconds; this long without a change means its task was lost. */
    public static final Duration QUEUED_GRACE = Duration.ofMinutes(10);
    /** A lease that ran out this long ago was not taken over by the queue's own retry. */
    public static final Duration LEASE_GRACE = Duration.ofMinutes(2);
    /** The progress stage a claimed attempt starts in. */
    public static final String FIRST_STAGE = "download";

    private VideoLifecycle() {
    }

    /** A new reservation: the video exists, its bytes do not yet (the ledger takes its slot). */
    public static Video reserve(String videoId, String userId, String title, String storagePath,
                                String contentType, long sizeBytes, Instant now, Instant expiresAt) {
        return Video.reserved(videoId, userId, title, storagePath, contentType, sizeBytes, now, expiresAt);
    }

    /** A reservation never uploaded in time fails with RESERVATION_EXPIRED and gives its slot back. */
    public static Transition expire(Video v, Instant now) {
        if (v.status() != VideoStatus.AWAITING_UPLOAD || v.reservationExpiresAt() == null
                || !v.reservationExpiresAt().isBefore(now)) {
            return Transition.stay(v, Verdict.UNCHANGED);
        }
        return Transition.moved(v.withFailure(new VideoError(ErrorCode.RESERVATION_EXPIRED,
                "the upload did not arrive before the reservation expired; its quota slot was returned"), now),
                Effect.RETURN_QUOTA_SLOT);
    }

    /**
     * An uploaded file arrived for the reservation: queued for analysis when it matches what was
     * reserved, failed (slot back, file deleted) when it does not. Safe for duplicate events.
     */
    public static Transition acceptUpload(Video v, long sizeBytes, String contentType, Instant now) {
        if (v.isDeleted()) {
            return Transition.stay(v, Verdict.IGNORED);
        }
        if (v.status() == VideoStatus.QUEUED) {
            // a duplicate event, or a retry after the enqueue failed: the task name makes this harmless
            return Transition.stay(v, Verdict.UNCHANGED, Effect.ENQUEUE_ANALYSIS);
        }
        if (v.status() == VideoStatus.FAILED && v.attempts() == 0 && v.error() != null
                && v.error().code() == ErrorCode.RESERVATION_EXPIRED) {
            // its slot went back at expiry: this file will never be analysed
            return Transition.stay(v, Verdict.TOO_LATE, Effect.DELETE_UPLOADED_FILE);
        }
        if (v.status() != VideoStatus.AWAITING_UPLOAD) {
            return Transition.stay(v, Verdict.UNCHANGED);
        }
        VideoError problem = mismatch(v, sizeBytes, contentType);
        if (problem != null) {
            return Transition.moved(v.withFailure(problem, now), Verdict.REJECTED,
                    Effect.DELETE_UPLOADED_FILE, Effect.RETURN_QUOTA_SLOT);
        }
        return Transition.moved(v.withUploadedSize(sizeBytes, now).withStatus(VideoStatus.QUEUED, now),
                Effect.ENQUEUE_ANALYSIS);
    }

    private static VideoError mismatch(Video v, long sizeBytes, String contentType) {
        if (sizeBytes > v.sizeBytes()) {
            return new VideoError(ErrorCode.PAYLOAD_TOO_LARGE, "uploaded " + sizeBytes + " bytes but reserved " + v.sizeBytes());
        }
        if (sizeBytes == 0) {
            return new VideoError(ErrorCode.INVALID_MEDIA, "the uploaded file is empty");
        }
        if (contentType != null && !contentType.isBlank() && !contentType.equalsIgnoreCase(v.contentType())) {
            return new VideoError(ErrorCode.INVALID_MEDIA,
                    "uploaded content type " + contentType + " differs from the reserved " + v.contentType());
        }
        return null;
    }

    /**
     * An analysis attempt takes the video, holding a lease until {@code now + lease}. A video already
     * analysed is left alone, its outcome announced again (the last announcement may have failed).
     */
    public static Transition claim(Video v, String attemptId, Instant now, Duration lease) {
        if (v.isDeleted() || v.status().isTerminal() || v.status() == VideoStatus.AWAITING_UPLOAD) {
            return wasAnalysed(v) ? Transition.stay(v, Verdict.UNCHANGED, Effect.ANNOUNCE_OUTCOME)
                    : Transition.stay(v, Verdict.UNCHANGED);
        }
        if (v.status() == VideoStatus.PROCESSING && v.leaseUntil() != null && v.leaseUntil().isAfter(now)) {
            return Transition.stay(v, Verdict.BUSY);
        }
        return Transition.moved(v.withStatus(VideoStatus.PROCESSING, now)
                .withAttempt(attemptId, now.plus(lease), now)
                .withProgress(Progress.of(FIRST_STAGE, 0), now));
    }

    /** The attempt reports progress and renews its lease; refused once the attempt is no longer the video's. */
    public static Transition progress(Video v, String attemptId, Progress progress, Instant now, Duration lease) {
        if (!holds(v, attemptId) || v.isDeleted()) {
            return Transition.stay(v, Verdict.NOT_THIS_ATTEMPT);
        }
        return Transition.moved(v.withProgress(progress, now).withLease(now.plus(lease), now));
    }

    /** The attempt finished: the video completes with its score (the slot stays used) and is announced. */
    public static Transition complete(Video v, String attemptId, int score, ScoreTier tier, double durationSeconds,
                                      String thumbnailPath, Instant now) {
        if (!holds(v, attemptId) || v.isDeleted()) {
            return Transition.stay(v, Verdict.NOT_THIS_ATTEMPT);
        }
        return Transition.moved(v.withCompletion(score, tier, durationSeconds, thumbnailPath, now), Effect.ANNOUNCE_OUTCOME);
    }

    /** The attempt ends the video failed with {@code error}: announced, and its slot given back. */
    public static Transition fail(Video v, String attemptId, VideoError error, Instant now) {
        if (!holds(v, attemptId)) {
            return Transition.stay(v, Verdict.NOT_THIS_ATTEMPT);
        }
        return Transition.moved(v.withFailure(error, now), Effect.ANNOUNCE_OUTCOME, Effect.RETURN_QUOTA_SLOT);
    }

    /**
     * The attempt lets go of the video without an outcome (the service is stopping, or a failure of
     * ours to retry): the video stays processing with its lease freed, so the next delivery takes it at once.
     */
    public static Transition cancelAttempt(Video v, String attemptId, Instant now) {
        if (!holds(v, attemptId)) {
            return Transition.stay(v, Verdict.NOT_THIS_ATTEMPT);
        }
        return Transition.moved(v.withLease(null, now));
    }

    /**
     * A failure of ours ended the attempt: retried (lease freed) while attempts remain, otherwise the
     * video fails INTERNAL and its slot goes back.
     */
    public static Transition attemptFailed(Video v, String attemptId, int maxAttempts, Instant now) {
        if (v.attempts() >= maxAttempts) {
            return fail(v, attemptId, new VideoError(ErrorCode.INTERNAL,
                    "analysis failed after " + v.attempts() + " attempts; your quota slot was returned"), now);
        }
        return cancelAttempt(v, attemptId, now);
    }

    /**
     * The owner deletes the video (soft: the file goes after a grace period). An upload that never
     * arrived gives its slot back at once; an analysis in progress stops at its next progress report.
     */
    public static Transition delete(Video v, Instant now) {
        if (v.isDeleted()) {
            return Transition.stay(v, Verdict.UNCHANGED);
        }
        Video deleted = v.withDeleted(now);
        return v.status() == VideoStatus.AWAITING_UPLOAD
                ? Transition.moved(deleted, Effect.RETURN_QUOTA_SLOT)
                : Transition.moved(deleted);
    }

    /**
     * What a video left behind by a stop or a lost task needs: an overdue reservation expires; a video
     * queued for longer than {@link #QUEUED_GRACE}, or processing with a lease (or, without one, a last
     * change) older than {@link #LEASE_GRACE}, is dispatched again; anything else is fine as it is.
     */
    public static Transition reconcile(Video v, Instant now) {
        if (v.status() == VideoStatus.AWAITING_UPLOAD) {
            return expire(v, now);
        }
        if (v.isDeleted() || v.status().isTerminal()) {
            return Transition.stay(v, Verdict.UNCHANGED);
        }
        if (v.status() == VideoStatus.QUEUED) {
            return olderThan(v.updatedAt(), QUEUED_GRACE, now)
                    ? Transition.stay(v, Verdict.UNCHANGED, Effect.ENQUEUE_ANALYSIS)
                    : Transition.stay(v, Verdict.UNCHANGED);
        }
        Instant heldUntil = v.leaseUntil() != null ? v.leaseUntil() : v.updatedAt();
        return olderThan(heldUntil, LEASE_GRACE, now)
                ? Transition.stay(v, Verdict.UNCHANGED, Effect.ENQUEUE_ANALYSIS)
                : Transition.stay(v, Verdict.BUSY);
    }

    private static boolean olderThan(Instant time, Duration grace, Instant now) {
        return time != null && time.isBefore(now.minus(grace));
    }

    /** True for a video whose analysis ran to a stored outcome (not one failed before any attempt). */
    private static boolean wasAnalysed(Video v) {
        return !v.isDeleted() && v.status().isTerminal() && v.attempts() > 0;
    }

    private static boolean holds(Video v, String attemptId) {
        return attemptId.equals(v.attemptId()) && v.status() == VideoStatus.PROCESSING;
    }
}
