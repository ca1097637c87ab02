package app.coherence.core.history;

import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import java.time.Instant;

/** One row of the history listing; null fields are omitted. */
public record VideoSummary(String videoId, String title, VideoStatus status, Progress progress, Integer coherenceScore,
                           String scoreTier, Double durationSeconds, Instant createdAt, String thumbnailUrl) {

    static VideoSummary of(Video v, String thumbnailUrl) {
        return new VideoSummary(v.videoId(), v.title(), v.status(), v.progress(), v.coherenceScore(), v.scoreTier(),
                v.durationSeconds(), v.createdAt(), thumbnailUrl);
    }
}
