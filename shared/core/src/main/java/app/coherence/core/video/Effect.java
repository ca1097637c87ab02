package app.coherence.core.video;

/** What must follow a lifecycle step besides storing the video; the adapters and services carry it out. */
public enum Effect {
    /** Give the video's quota slot back (in the same transaction as the video). Once per video. */
    RETURN_QUOTA_SLOT,
    /** Put the analysis task on the queue (the task name makes a repeat harmless). */
    ENQUEUE_ANALYSIS,
    /** Delete the uploaded file: it will never be analysed. */
    DELETE_UPLOADED_FILE,
    /** Announce the outcome on analysis-events (consumers apply each video's event once). */
    ANNOUNCE_OUTCOME
}
