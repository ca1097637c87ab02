package app.coherence.core.video;

import app.coherence.core.analysis.ScoreTier;
import java.time.Instant;

/**
 * The status document of one uploaded talk ({@code videos/{videoId}}): what clients listen to.
 * Immutable; the {@code with*} methods return changed copies.
 */
public record Video(
        String videoId,
        String userId,
        String title,
        String storagePath,
        String contentType,
        long sizeBytes,
        Double durationSeconds,
        VideoStatus status,
        Progress progress,
        int attempts,
        VideoError error,
        Integer coherenceScore,
        ScoreTier scoreTier,
        String thumbnailPath,
        String attemptId,
        Instant leaseUntil,
        Instant reservationExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    /** A new reservation: the video exists, its bytes do not yet. */
    public static Video reserved(String videoId, String userId, String title, String storagePath,
                                 String contentType, long sizeBytes, Instant now, Instant expiresAt) {
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, null,
                VideoStatus.AWAITING_UPLOAD, null, 0, null, null, null, null, null, null,
                expiresAt, now, now, null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Moves to {@code next}, refusing any backward move. */
    public Video withStatus(VideoStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("video " + videoId + " cannot move from " + status + " to " + next);
        }
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds, next,
                progress, attempts, error, coherenceScore, scoreTier, thumbnailPath, attemptId, leaseUntil,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withProgress(Progress value, Instant now) {
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds, status,
                value, attempts, error, coherenceScore, scoreTier, thumbnailPath, attemptId, leaseUntil,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    /** A new processing attempt holding a lease until {@code leaseEnd}. */
    public Video withAttempt(String newAttemptId, Instant leaseEnd, Instant now) {
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds,
                status, progress, attempts + 1, error, coherenceScore, scoreTier, thumbnailPath, newAttemptId,
                leaseEnd, reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withLease(Instant leaseEnd, Instant now) {
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds, status,
                progress, attempts, error, coherenceScore, scoreTier, thumbnailPath, attemptId, leaseEnd,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withFailure(VideoError failure, Instant now) {
        Video moved = withStatus(VideoStatus.FAILED, now);
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds,
                moved.status, progress, attempts, failure, coherenceScore, scoreTier, thumbnailPath, attemptId,
                null, reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withCompletion(int score, ScoreTier tier, double duration, String thumbnail, Instant now) {
        Video moved = withStatus(VideoStatus.COMPLETED, now);
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, duration, moved.status,
                Progress.of("done", 100), attempts, null, score, tier, thumbnail, attemptId, null,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withUploadedSize(long actualSize, Instant now) {
        return new Video(videoId, userId, title, storagePath, contentType, actualSize, durationSeconds, status,
                progress, attempts, error, coherenceScore, scoreTier, thumbnailPath, attemptId, leaseUntil,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withTitle(String newTitle, Instant now) {
        return new Video(videoId, userId, newTitle, storagePath, contentType, sizeBytes, durationSeconds, status,
                progress, attempts, error, coherenceScore, scoreTier, thumbnailPath, attemptId, leaseUntil,
                reservationExpiresAt, createdAt, now, deletedAt);
    }

    public Video withDeleted(Instant now) {
        return new Video(videoId, userId, title, storagePath, contentType, sizeBytes, durationSeconds, status,
                progress, attempts, error, coherenceScore, scoreTier, thumbnailPath, null, null,
                reservationExpiresAt, createdAt, now, deletedAt == null ? now : deletedAt);
    }
}
