package app.coherence.core.history;

import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import java.time.Instant;

/**
 * The status document as the API serves it (GET /v1/videos/{id}); null fields are omitted.
 * {@code thumbnailUrl} is a signed, expiring GET URL.
 */
public record VideoView(String videoId, String title, VideoStatus status, Progress progress, Integer coherenceScore,
                        String scoreTier, VideoError error, Double durationSeconds, Instant createdAt,
                        Instant updatedAt, String thumbnailUrl) {

    static VideoView of(Video v, String thumbnailUrl) {
        return new VideoView(v.videoId(), v.title(), v.status(), v.progress(), v.coherenceScore(), v.scoreTier(),
                v.error(), v.durationSeconds(), v.createdAt(), v.updatedAt(), thumbnailUrl);
    }
}
