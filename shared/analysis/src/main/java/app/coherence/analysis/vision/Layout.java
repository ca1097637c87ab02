package app.coherence.analysis.vision;

/** How the talk was recorded, judged from where the face sits and how big it is. */
public enum Layout {
    /** The speaker fills the picture (webcam or camera on the speaker). */
    FULL_FRAME,
    /** A small face at the side or in a corner: a webcam overlay beside or over slides. */
    OVERLAY,
    /** No face seen often enough to tell. */
    NO_FACE
}
