package app.coherence.analysis.vision;

/**
 * One sampled frame summarised (positions and sizes as fractions of the frame).
 *
 * @param face       a face was found
 * @param frontal    the face looks at the camera (within {@link EyeContact}'s cone, eyes open)
 * @param faceX      face centre, 0 left to 1 right (NaN without a face)
 * @param faceWidth  face width over frame width (0 without a face)
 * @param smiling    the mouth's shape is a smile ({@link Smile})
 * @param motion     share of pixels outside the face that changed since the previous sampled frame
 * @param change     share of all pixels that changed (a slide or scene change when large)
 * @param faceHeight face height over frame height (0 without a face)
 * @param gaze       where the face points
 * @param yaw        head yaw read off the face's landmarks (degrees, see FaceReading; NaN without them)
 * @param pitch      head pitch read off the face's landmarks (degrees; NaN without them)
 * @param skinAroundFace the skin just below and beside the face ({@link SkinRing#NONE} without a face): a hand there raises it
 */
public record FrameFeatures(double time, boolean face, boolean frontal, double faceX, double faceY, double faceWidth,
                            boolean smiling, double motion, double change, double faceHeight, Gaze gaze, double yaw, double pitch,
                            SkinRing skinAroundFace) {

    /** A frame described the short way (tests): a non-frontal face counts as turned to the left. */
    public FrameFeatures(double time, boolean face, boolean frontal, double faceX, double faceY, double faceWidth,
                         boolean smiling, double motion, double change) {
        this(time, face, frontal, faceX, faceY, faceWidth, smiling, motion, change, face ? faceWidth * 16 / 9 : 0,
                !face ? Gaze.OUT_OF_FRAME : frontal ? Gaze.CAMERA : Gaze.LEFT, Double.NaN, Double.NaN, SkinRing.NONE);
    }
}
