package app.coherence.analysis.vision.face;

/** Reads pose, eyelids and mouth off the 468 face-mesh points. */
final class FaceShape {
    // MediaPipe face mesh indices ("right" is the speaker's right, on the image's left)
    private static final int RIGHT_OUTER = 33;
    private static final int RIGHT_INNER = 133;
    private static final int LEFT_OUTER = 263;
    private static final int LEFT_INNER = 362;
    private static final int[][] RIGHT_LIDS = {{159, 145}, {158, 153}, {160, 144}};
    private static final int[][] LEFT_LIDS = {{386, 374}, {385, 380}, {387, 373}};
    private static final int MOUTH_RIGHT = 61;
    private static final int MOUTH_LEFT = 291;
    private static final int LIP_UPPER_INNER = 13;
    private static final int LIP_LOWER_INNER = 14;

    /** Sideways reach of the nose tip off the eyes' middle, in eye spans, at a right-angle turn (frontal faces: within 0.07). */
    private static final double NOSE_SWING = 0.8;
    /** Where the nose tip sits from the eyes (0) to the mouth (1) on a face towards the camera (0.5-0.65 on the corpus' faces). */
    private static final double NOSE_LEVEL = 0.57;
    /** How far the nose tip stands out of the face, over the eyes-to-mouth distance (a tip by angle a moves it tan(a) times this). */
    private static final double NOSE_DEPTH = 0.35;

    private FaceShape() {
    }

    /** The reading, or null when the points are too degenerate to be a face. */
    static FaceReading of(double[][] m, double frameWidth) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] p : m) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double[] pose = HeadPose.of(m, frameWidth);
        if (pose == null) {
            return null;
        }
        double eyeSpan = Math.max(1e-6, dist(m[RIGHT_OUTER], m[LEFT_OUTER]));
        double eyes = (lids(m, RIGHT_LIDS, RIGHT_OUTER, RIGHT_INNER) + lids(m, LEFT_LIDS, LEFT_OUTER, LEFT_INNER)) / 2;
        double mouthWidth = dist(m[MOUTH_RIGHT], m[MOUTH_LEFT]) / eyeSpan;
        double mouthOpen = dist(m[LIP_UPPER_INNER], m[LIP_LOWER_INNER]) / eyeSpan;
        // in the face's own frame (roll removed): the corners' height above the lips' middle
        double angle = Math.atan2(m[LEFT_OUTER][1] - m[RIGHT_OUTER][1], m[LEFT_OUTER][0] - m[RIGHT_OUTER][0]);
        double midY = up(m[LIP_UPPER_INNER], angle) + up(m[LIP_LOWER_INNER], angle);
        double cornerY = up(m[MOUTH_RIGHT], angle) + up(m[MOUTH_LEFT], angle);
        double cornerLift = (midY - cornerY) / 2 / eyeSpan;
        return new FaceReading((minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY, pose[0], pose[1], pose[2],
                eyes, mouthWidth, mouthOpen, cornerLift, true, false);
    }

    /**
     * A face only the detector saw (the mesh could not read it): its place and a coarse pose from where the nose
     * tip sits between the eyes and the mouth. The nose tip stands out of the face, so turning the head swings it
     * sideways off the eyes' middle and tipping it moves it down towards the mouth or up towards the eyes.
     */
    static FaceReading of(FaceBox box) {
        return of(box, false);
    }

    /** The same, {@code turnedFar} when the detector barely saw it (see {@link FaceReading#turnedFar}). */
    static FaceReading of(FaceBox box, boolean turnedFar) {
        double eyeX = (box.rightEyeX() + box.leftEyeX()) / 2;
        double eyeY = (box.rightEyeY() + box.leftEyeY()) / 2;
        double span = Math.max(1e-6, Math.hypot(box.leftEyeX() - box.rightEyeX(), box.leftEyeY() - box.rightEyeY()));
        double eyesToMouth = Math.max(1e-6, box.mouthY() - eyeY);
        double side = Math.max(-1, Math.min(1, (box.noseX() - eyeX) / span / NOSE_SWING));
        double yaw = Math.toDegrees(Math.asin(side));
        double pitch = Math.toDegrees(Math.atan(((box.noseY() - eyeY) / eyesToMouth - NOSE_LEVEL) / NOSE_DEPTH));
        double roll = Math.toDegrees(Math.atan2(box.leftEyeY() - box.rightEyeY(), box.leftEyeX() - box.rightEyeX()));
        return new FaceReading(box.centreX(), box.centreY(), box.width(), box.height(), yaw, pitch, roll, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false, turnedFar);
    }

    /** Mean lid gap over the eye's width. */
    private static double lids(double[][] m, int[][] pairs, int outer, int inner) {
        double width = Math.max(1e-6, dist(m[outer], m[inner]));
        double sum = 0;
        for (int[] pair : pairs) {
            sum += dist(m[pair[0]], m[pair[1]]);
        }
        return sum / pairs.length / width;
    }

    /** The point's y along the face's own vertical (image y grows downwards). */
    private static double up(double[] p, double angle) {
        return -p[0] * Math.sin(angle) + p[1] * Math.cos(angle);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
