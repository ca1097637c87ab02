package app.coherence.core.analysis;

import java.util.List;

/** The full coherence report of one talk, as stored in {@code analyses/{videoId}} and served by the API. */
public record AnalysisResult(
        String videoId,
        double durationSeconds,
        int coherenceScore,
        String scoreTier,
        Metrics metrics,
        List<DissonanceFlag> dissonanceFlags,
        List<Moment> moments,
        List<HeatPoint> timelineHeatmap,
        List<String> strengths,
        List<String> priorities,
        List<TranscriptSegment> transcript,
        String pipelineVersion) {
    public AnalysisResult {
        moments = moments == null ? List.of() : List.copyOf(moments);
    }
}
