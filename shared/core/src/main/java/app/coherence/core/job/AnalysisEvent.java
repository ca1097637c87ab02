package app.coherence.core.job;

import java.time.Instant;

/** Published on analysis-events when a video's analysis ends, either way. */
public record AnalysisEvent(String type, String videoId, String userId, Integer coherenceScore,
                            String scoreTier, String errorCode, String errorMessage, Instant occurredAt) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
