package app.coherence.analysis.testvideo;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Faces from pictures Debian packages ship, with where the face is (pixels, found by a person looking at
 * the picture) and whether it smiles. Install: python-matplotlib-data, python3-skimage, opencv-doc.
 */
public enum FacePhoto {
    /** Grace Hopper, frontal, neutral (python-matplotlib-data). */
    GRACE_HOPPER("/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg", -1, 265, 232, 200, Boolean.FALSE, "python-matplotlib-data"),
    /** Eileen Collins in a NASA portrait, smiling broadly (python3-skimage). */
    ASTRONAUT("/usr/lib/python3/dist-packages/skimage/data/astronaut.png", -1, 226, 123, 105, Boolean.TRUE, "python3-skimage"),
    /**
     * An animated woman (Roxanne) in a dim restaurant facing the camera, mouth open (opencv-doc's Megamind.avi at 7.5 s):
     * her brows rise as in surprise while her mouth's corners and cheeks rise as in a smile, so whether she smiles is
     * left unjudged (the clearly surprised face a moment later is in {@link ExpressionStill}).
     */
    ROXANNE("/usr/share/doc/opencv-doc/examples/data/Megamind.avi", 7.5, 305, 235, 185, null, "opencv-doc"),
    /** An animated man with glasses, frontal and close, neutral (opencv-doc's Megamind.avi at 9 s). */
    BERNARD("/usr/share/doc/opencv-doc/examples/data/Megamind.avi", 9.0, 390, 235, 330, Boolean.FALSE, "opencv-doc");

    private final String path;
    private final double videoSeconds;
    private final int faceX;
    private final int faceY;
    private final int faceSize;
    private final Boolean smiling;
    private final String debianPackage;

    FacePhoto(String path, double videoSeconds, int faceX, int faceY, int faceSize, Boolean smiling, String debianPackage) {
        this.path = path;
        this.videoSeconds = videoSeconds;
        this.faceX = faceX;
        this.faceY = faceY;
        this.faceSize = faceSize;
        this.smiling = smiling;
        this.debianPackage = debianPackage;
    }

    /** The picture (a new Mat, BGR). */
    public Mat picture() {
        return picture(path, videoSeconds, debianPackage);
    }

    /** A picture file, or the frame at {@code videoSeconds} of a video file (a new Mat, BGR). */
    static Mat picture(String path, double videoSeconds, String debianPackage) {
        if (!Files.isReadable(Path.of(path))) {
            throw new IllegalStateException(path + " missing: apt-get install " + debianPackage);
        }
        if (videoSeconds < 0) {
            return imread(path);
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(path); OpenCVFrameConverter.ToMat c = new OpenCVFrameConverter.ToMat()) {
            g.start();
            g.setTimestamp((long) (videoSeconds * 1e6));
            Frame f = g.grabImage();
            Mat m = c.convert(f).clone();
            g.stop();
            return m;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a frame of " + path, e);
        }
    }

    /** {centre x, centre y, face height} in the picture's pixels (read off the picture by a person). */
    public int[] face() {
        return new int[] {faceX, faceY, faceSize};
    }

    /** True for a smile, false for a neutral face, null when a person could not tell. */
    public Boolean smiling() {
        return smiling;
    }
}
