package app.coherence.analysis.eval;

/** How much of the corpus to run: the CI-sized part inside the test command, or all of it on demand. */
public enum EvalSize {
    CI,
    FULL
}
