package app.coherence.core.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The full coherence report of one talk, as stored in {@code analyses/{videoId}} and served by the API. */
public record AnalysisResult(
        String videoId,
        double durationSeconds,
        int coherenceScore,
        ScoreTier scoreTier,
        Metrics metrics,
        List<DissonanceFlag> dissonanceFlags,
        List<Moment> moments,
        List<HeatPoint> timelineHeatmap,
        List<String> strengths,
        List<String> priorities,
        List<TranscriptSegment> transcript,
        String pipelineVersion,
        List<MediaWarning> warnings) {
    public AnalysisResult {
        moments = moments == null ? List.of() : List.copyOf(moments);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result with nothing to warn about the file. */
    public AnalysisResult(String videoId, double durationSeconds, int coherenceScore, ScoreTier scoreTier, Metrics metrics,
                          List<DissonanceFlag> dissonanceFlags, List<Moment> moments, List<HeatPoint> timelineHeatmap,
                          List<String> strengths, List<String> priorities, List<TranscriptSegment> transcript,
                          String pipelineVersion) {
        this(videoId, durationSeconds, coherenceScore, scoreTier, metrics, dissonanceFlags, moments, timelineHeatmap,
                strengths, priorities, transcript, pipelineVersion, List.of());
    }

    /** The tier's words for display, sent beside the tier so clients hold no copy of them. */
    @JsonProperty("scoreTierLabel")
    public String scoreTierLabel() {
        return ScoreTier.labelOf(scoreTier);
    }

    /** This result with {@code value} as its warnings about the file. */
    public AnalysisResult withWarnings(List<MediaWarning> value) {
        return new AnalysisResult(videoId, durationSeconds, coherenceScore, scoreTier, metrics, dissonanceFlags, moments,
                timelineHeatmap, strengths, priorities, transcript, pipelineVersion, value);
    }
}
