package app.coherence.analysis.testvideo;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Faces with a plain expression, from pictures Debian packages ship, for the smile reading alone (not rendered into
 * scenes): whether each smiles was decided by a person looking at the frame. Open mouths that are not smiles are the
 * hard case: talking and surprise open the mouth as a broad smile does.
 */
public enum ExpressionStill {
    /** Roxanne surprised: eyes wide, brows up, mouth open and round (opencv-doc's Megamind.avi at 8.05 s). */
    ROXANNE_SURPRISED(8.05, false),
    /** A young man with glasses aghast: mouth wide open, corners down (Megamind.avi at 5.0 s). */
    YOUNG_MAN_AGHAST(5.0, false),
    /** The man with glasses talking, lips parted, no smile (Megamind.avi at 10.0 s). */
    BERNARD_TALKING(10.0, false);

    private static final String MEGAMIND = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";
    private final double videoSeconds;
    private final boolean smiling;

    ExpressionStill(double videoSeconds, boolean smiling) {
        this.videoSeconds = videoSeconds;
        this.smiling = smiling;
    }

    /** The picture (a new Mat, BGR). */
    public Mat picture() {
        return FacePhoto.picture(MEGAMIND, videoSeconds, "opencv-doc");
    }

    /** True when the person saw a smile. */
    public boolean smiling() {
        return smiling;
    }
}
