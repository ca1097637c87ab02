package app.coherence.analysis.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import app.coherence.analysis.vision.face.FaceReading;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How much of the band around the face has the face's own skin colour: a hand at the chin, cheek or
 * mouth adds skin where there is usually hair, collar or background. The talk's usual level (neck and
 * ears included) is subtracted later ({@link VisionTrack#faceTouches()}), so a
 * beige wall does not read as a hand.
 */
final class SkinAroundFace {
    /** The band reaches this far out from the face centre, in face sizes (half-widths and half-heights). */
    private static final double REACH = 1.9;
    /** Inside this (in the same units) is the face itself. */
    private static final double FACE = 1.1;
    /** A pixel within this many standard deviations of the face's chroma is skin. */
    private static final double SKIN_SIGMAS = 2.5;
    /** Chroma spread floor (levels): faces lit evenly would otherwise admit only their exact colour. */
    private static final double MIN_SIGMA = 3;
    private static final int GRID = 64;

    private SkinAroundFace() {
    }

    /** Share (0-1) of the band around the face that is skin-coloured. */
    static double of(Mat bgr, FaceReading face) {
        double hw = face.width() / 2 * REACH;
        double hh = face.height() / 2 * REACH;
        int x0 = clamp(face.centreX() - hw, bgr.cols());
        int y0 = clamp(face.centreY() - hh * 0.9, bgr.rows());
        int x1 = clamp(face.centreX() + hw, bgr.cols());
        int y1 = clamp(face.centreY() + hh * 1.1, bgr.rows());
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return 0;
        }
        try (Mat region = new Mat(bgr, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat small = new Mat(); Mat ycc = new Mat();
                Size size = new Size(GRID, GRID)) {
            resize(region, small, size, 0, 0, INTER_AREA);
            cvtColor(small, ycc, COLOR_BGR2YCrCb);
            double sx = (double) (x1 - x0) / GRID;
            double sy = (double) (y1 - y0) / GRID;
            // one copy of the 64 x 64 pixels into the heap: reading them one by one through an indexer cost more than the rest
            byte[] p = new byte[GRID * GRID * 3];
            ycc.data().get(p);
            // the face's skin: its middle, between the eyes and the mouth
            double[] sum = new double[2];
            double[] sq = new double[2];
            int n = 0;
            double[] us = new double[GRID];
            double[] vs = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                us[i] = (x0 + (i + 0.5) * sx - face.centreX()) / (face.width() / 2);
                vs[i] = (y0 + (i + 0.5) * sy - face.centreY()) / (face.height() / 2);
            }
            for (int y = 0; y < GRID; y++) {
                for (int x = 0; x < GRID; x++) {
                    if (Math.abs(us[x]) < 0.45 && vs[y] > -0.25 && vs[y] < 0.3) {
                        for (int c = 0; c < 2; c++) {
                            double value = p[(y * GRID + x) * 3 + c + 1] & 0xff;
                            sum[c] += value;
                            sq[c] += value * value;
                        }
                        n++;
                    }
                }
            }
            if (n < 4) {
                return 0;
            }
            double[] mean = {sum[0] / n, sum[1] / n};
            double[] sigma = new double[2];
            for (int c = 0; c < 2; c++) {
                sigma[c] = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, sq[c] / n - mean[c] * mean[c])));
            }
            int band = 0;
            int skin = 0;
            for (int y = 0; y < GRID; y++) {
                for (int x = 0; x < GRID; x++) {
                    double u = us[x];
                    double v = vs[y];
                    if (u * u + v * v <= FACE * FACE || Math.abs(u) > REACH || v < -REACH * 0.9 || v > REACH * 1.1) {
                        continue;
                    }
                    band++;
                    int at = (y * GRID + x) * 3;
                    double dr = ((p[at + 1] & 0xff) - mean[0]) / sigma[0];
                    double db = ((p[at + 2] & 0xff) - mean[1]) / sigma[1];
                    if ((p[at] & 0xff) > 40 && dr * dr + db * db <= SKIN_SIGMAS * SKIN_SIGMAS) {
                        skin++;
                    }
                }
            }
            return band == 0 ? 0 : (double) skin / band;
        }
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
