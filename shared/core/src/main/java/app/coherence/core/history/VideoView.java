package app.coherence.core.history;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The status document as the API serves it (GET /v1/videos/{id}); null fields are omitted.
 * {@code thumbnailUrl} is a signed, expiring GET URL.
 */
public record VideoView(String videoId, String title, VideoStatus status, Progress progress, Integer coherenceScore,
                        ScoreTier scoreTier, VideoError error, Double durationSeconds, Instant createdAt,
                        Instant updatedAt, String thumbnailUrl) {

    static VideoView of(Video v, String thumbnailUrl) {
        return new VideoView(v.videoId(), v.title(), v.status(), v.progress(), v.coherenceScore(), v.scoreTier(),
                v.error(), v.durationSeconds(), v.createdAt(), v.updatedAt(), thumbnailUrl);
    }

    /** The tier's words for display, sent beside the tier so clients hold no copy of them. */
    @JsonProperty("scoreTierLabel")
    public String scoreTierLabel() {
        return ScoreTier.labelOf(scoreTier);
    }
}
