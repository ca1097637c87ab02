package app.coherence.core.analysis;

/** What the coach saw or heard at one span of the talk, shown on the report's timeline. */
public enum MomentType {
    /** Facing away from the camera (or out of frame) for a second or more; detail: the direction. */
    LOOK_AWAY,
    /** A hand on or at the face for a second or more. */
    FACE_TOUCH,
    /** A smile, from the mouth's shape. */
    SMILE,
    /** A filler word ("um", "uh", "like", ...); detail: the word. */
    FILLER,
    /** A silence of two seconds or more; detail: inside a sentence or between sentences. */
    PAUSE
}
