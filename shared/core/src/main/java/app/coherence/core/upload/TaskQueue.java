package app.coherence.core.upload;

/** Port: the queue that delivers analysis jobs to the analysis service, at least once, with retries. */
public interface TaskQueue {

    /**
     * Enqueues the analysis of one video; the task is named after the video, so enqueuing the
     * same video twice while the first task exists enqueues nothing and returns false.
     */
    boolean enqueueAnalysis(String videoId);

    /**
     * Enqueues the analysis of a video left behind although its first task was used (it finished, was
     * lost, or the store lost the state it made): a queue refuses a used task name for a while (Cloud
     * Tasks for an hour or more), so this task is named after the video and {@code leftAt}, the time of
     * the state it was left in. Sweeps that find the same state enqueue it once.
     */
    boolean enqueueAnalysisAgain(String videoId, java.time.Instant leftAt);

    /** The task name of a dispatch made again: the video and the time of the state it was left in. */
    static String againName(String videoId, java.time.Instant leftAt) {
        return videoId + "-" + leftAt.toEpochMilli();
    }
}
