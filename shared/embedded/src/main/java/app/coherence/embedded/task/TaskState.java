package app.coherence.embedded.task;

/** Where one named task is in the local dispatcher. */
public enum TaskState {
    /** Waiting for its first delivery or for a retry's backoff to pass. */
    PENDING,
    /** Being delivered right now. */
    RUNNING,
    /** The target answered 2xx. */
    SUCCEEDED,
    /** Every allowed attempt failed. */
    GAVE_UP,
    /** The dispatcher stopped before the task finished. */
    DROPPED;

    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }
}
