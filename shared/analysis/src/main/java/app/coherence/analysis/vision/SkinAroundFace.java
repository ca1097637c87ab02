package app.coherence.analysis.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import app.coherence.analysis.vision.face.FaceReading;
import org.bytedeco.javacpp.indexer.UByteIndexer;
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
            try (UByteIndexer p = ycc.createIndexer()) {
                // the face's skin: its middle, between the eyes and the mouth
                double[] sum = new double[2];
                double[] sq = new double[2];
                int n = 0;
                int band = 0;
                int skin = 0;
                double[][] unit = new double[GRID * GRID][];
                for (int y = 0; y < GRID; y++) {
                    for (int x = 0; x < GRID; x++) {
                        double u = (x0 + (x + 0.5) * sx - face.centreX()) / (face.width() / 2);
                        double v = (y0 + (y + 0.5) * sy - face.centreY()) / (face.height() / 2);
                        unit[y * GRID + x] = new double[] {u, v};
                        if (Math.abs(u) < 0.45 && v > -0.25 && v < 0.3) {
                            for (int c = 0; c < 2; c++) {
                                double value = p.get(y, x, c + 1);
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
                for (int y = 0; y < GRID; y++) {
                    for (int x = 0; x < GRID; x++) {
                        double u = unit[y * GRID + x][0];
                        double v = unit[y * GRID + x][1];
                        double r = Math.hypot(u, v);
                        if (r <= FACE || Math.abs(u) > REACH || v < -REACH * 0.9 || v > REACH * 1.1) {
                            continue;
                        }
                        band++;
                        double dr = (p.get(y, x, 1) - mean[0]) / sigma[0];
                        double db = (p.get(y, x, 2) - mean[1]) / sigma[1];
                        if (p.get(y, x, 0) > 40 && dr * dr + db * db <= SKIN_SIGMAS * SKIN_SIGMAS) {
                            skin++;
                        }
                    }
                }
                return band == 0 ? 0 : (double) skin / band;
            }
        }
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
