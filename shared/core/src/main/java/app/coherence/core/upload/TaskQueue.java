package app.coherence.core.upload;

/** Port: the queue that delivers analysis jobs to the analysis service, at least once, with retries. */
public interface TaskQueue {

    /**
     * Enqueues the analysis of one video; the task is named after the video, so enqueuing the
     * same video twice while the first task exists enqueues nothing and returns false.
     */
    boolean enqueueAnalysis(String videoId);
}
