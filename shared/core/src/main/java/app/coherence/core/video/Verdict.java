package app.coherence.core.video;

/** How a lifecycle step ended for the video it was given. */
public enum Verdict {
    /** The step happened: the video moved on. */
    MOVED,
    /** Nothing to do: already done, or a duplicate delivery. */
    UNCHANGED,
    /** Another live attempt holds the video's lease. */
    BUSY,
    /** The attempt is no longer the video's: superseded, failed, completed or deleted meanwhile. */
    NOT_THIS_ATTEMPT,
    /** The upload does not match its reservation: the video failed. */
    REJECTED,
    /** The upload arrived after its reservation expired. */
    TOO_LATE,
    /** The video was deleted: the event is ignored. */
    IGNORED
}
