package app.coherence.core.profile;

import java.time.Instant;

/**
 * Tells a user that the analysis of one of their videos failed ({@code notifications/{id}}); the id is
 * derived from the video so a redelivered event writes the same notice once.
 */
public record FailureNotice(String id, String userId, String videoId, String errorCode, String message, Instant createdAt) {

    public static FailureNotice of(String userId, String videoId, String errorCode, String message, Instant at) {
        return new FailureNotice(videoId + "-failed", userId, videoId, errorCode, message, at);
    }
}
