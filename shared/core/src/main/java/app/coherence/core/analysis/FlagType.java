package app.coherence.core.analysis;

/** The kinds of visual-verbal dissonance the analysis looks for (docs/ARCHITECTURE.md, "Analysis"). */
public enum FlagType {
    EMOTIONAL_MISMATCH,
    MISSING_GESTURE,
    PACING_MISMATCH,
    FLAT_EMPHASIS,
    GAZE_AVERSION,
    FILLER_CLUSTER
}
