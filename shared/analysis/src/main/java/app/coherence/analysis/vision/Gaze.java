package app.coherence.analysis.vision;

import java.util.Locale;

/** Where the speaker's face points in one frame ("left" and "right" as seen in the picture). */
public enum Gaze {
    CAMERA, LEFT, RIGHT, UP, DOWN, OUT_OF_FRAME;

    /** The word a LOOK_AWAY moment carries ("down", "out-of-frame"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
