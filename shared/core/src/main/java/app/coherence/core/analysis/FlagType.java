package app.coherence.core.analysis;

/** The kinds of visual-verbal dissonance the analysis looks for (DESIGN.md section 6). */
public enum FlagType {
    EMOTIONAL_MISMATCH,
    MISSING_GESTURE,
    PACING_MISMATCH,
    FLAT_EMPHASIS,
    GAZE_AVERSION,
    FILLER_CLUSTER
}
