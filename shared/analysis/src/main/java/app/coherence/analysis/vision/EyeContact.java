package app.coherence.analysis.vision;

import app.coherence.analysis.vision.face.FaceReading;

/**
 * The eye-contact cone: a face counts as looking at the camera when its head points within these angles
 * of the camera and its eyes are open. Looking down at notes tips the head and lowers the lids: both
 * read as looking down. A face much shorter than usual for its width is tipped out of the cone whatever pose
 * its landmarks read ({@link Foreshortening}, judged over the whole talk), and so is a face the detector barely sees
 * ({@link FaceReading#turnedFar}).
 */
public final class EyeContact {
    /** Head turned sideways beyond this (degrees) looks past the camera: the audience sees a profile coming. */
    static final double MAX_YAW = 20;
    /** Head tipped down beyond this (degrees): reading notes or a keyboard. Frontal photos read about +5. */
    static final double MAX_PITCH_DOWN = 17;
    /** Head tipped up beyond this (degrees): looking at the ceiling while thinking. */
    static final double MAX_PITCH_UP = 15;
    /** Lid opening (see FaceReading.eyes) below this: eyes shut or cast down, open eyes read 0.25-0.4. */
    static final double MIN_EYES = 0.16;

    private EyeContact() {
    }

    /** Where this face points; {@link Gaze#CAMERA} inside the cone with the eyes open (or unknown: a face only the detector read). */
    public static Gaze of(FaceReading face) {
        if (face == null) {
            return Gaze.OUT_OF_FRAME;
        }
        double yawBeyond = Math.abs(face.yaw()) / MAX_YAW;
        double pitchBeyond = pitchBeyond(face.pitch());
        if (yawBeyond > 1 || pitchBeyond > 1 || face.turnedFar()) {
            if (yawBeyond >= pitchBeyond) {
                return face.yaw() > 0 ? Gaze.RIGHT : Gaze.LEFT;
            }
            return face.pitch() > 0 ? Gaze.DOWN : Gaze.UP;
        }
        return face.eyes() < MIN_EYES ? Gaze.DOWN : Gaze.CAMERA;
    }

    /** How far out a head pose points, as a share of the cone's edge on its side (1 on the edge); NaN without a pose. */
    static double beyond(double yaw, double pitch) {
        return Math.max(Math.abs(yaw) / MAX_YAW, pitchBeyond(pitch));
    }

    private static double pitchBeyond(double pitch) {
        return pitch >= 0 ? pitch / MAX_PITCH_DOWN : -pitch / MAX_PITCH_UP;
    }
}
