package app.coherence.core.history;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One row of the history listing; null fields are omitted. */
public record VideoSummary(String videoId, String title, VideoStatus status, Progress progress, Integer coherenceScore,
                           ScoreTier scoreTier, Double durationSeconds, Instant createdAt, String thumbnailUrl) {

    static VideoSummary of(Video v, String thumbnailUrl) {
        return new VideoSummary(v.videoId(), v.title(), v.status(), v.progress(), v.coherenceScore(), v.scoreTier(),
                v.durationSeconds(), v.createdAt(), thumbnailUrl);
    }

    /** The tier's words for display, sent beside the tier so clients hold no copy of them. */
    @JsonProperty("scoreTierLabel")
    public String scoreTierLabel() {
        return ScoreTier.labelOf(scoreTier);
    }
}
