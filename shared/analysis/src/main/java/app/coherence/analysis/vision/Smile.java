package app.coherence.analysis.vision;

import app.coherence.analysis.vision.face.FaceReading;

/**
 * A smile from the mouth's shape: the mouth widens and its corners rise above the middle of the lips.
 * Both are measured against the eye span, so they hold for any face size; neutral faces read a width
 * near 0.55 and corners level (0.0-0.05), broad smiles 0.65+ with corners up 0.08+.
 */
public final class Smile {
    /** Mouth width over eye span beyond which the mouth is drawn wide. */
    static final double MIN_WIDTH = 0.62;
    /** Corner lift over eye span beyond which the corners are raised. */
    static final double MIN_LIFT = 0.055;

    private Smile() {
    }

    public static boolean of(FaceReading face) {
        return face != null && face.mouthWidth() >= MIN_WIDTH && face.cornerLift() >= MIN_LIFT;
    }
}
