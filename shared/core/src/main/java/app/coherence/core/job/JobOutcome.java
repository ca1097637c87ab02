package app.coherence.core.job;

/** How one delivery of an analysis task ended; decides whether the queue should retry. */
public enum JobOutcome {
    /** Analysed and stored. */
    COMPLETED(false),
    /** The file cannot be analysed; the video is failed with the reason. */
    REJECTED(false),
    /** No such video: logged, never retried. */
    UNKNOWN_VIDEO(false),
    /** Already completed, failed, deleted or cancelled: nothing to do. */
    NOTHING_TO_DO(false),
    /** Another live attempt holds the lease: retry later. */
    BUSY(true),
    /** A transient failure of ours: retry. */
    RETRY(true),
    /** Transient failures used up every attempt: the video is failed and its slot given back. */
    GAVE_UP(false);

    private final boolean retry;

    JobOutcome(boolean retry) {
        this.retry = retry;
    }

    /** True when the task queue should deliver this task again. */
    public boolean shouldRetry() {
        return retry;
    }
}
