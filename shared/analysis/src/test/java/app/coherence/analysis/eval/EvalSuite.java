package app.coherence.analysis.eval;

/** One part of the accuracy corpus (speech, vision): runs its talks and reports them against their truth. */
public interface EvalSuite {
    /** Short name printed above the suite's table ("speech", "vision"). */
    String name();

    /**
     * Analyses every talk of the suite and compares the result with the talk's truth.
     *
     * @param size {@link EvalSize#CI} for the part that runs in the test command, {@link EvalSize#FULL} for all of it
     */
    EvalTable run(EvalSize size) throws Exception;
}
