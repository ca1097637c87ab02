package app.coherence.core.analysis;

/** How much a dissonance flag matters. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
