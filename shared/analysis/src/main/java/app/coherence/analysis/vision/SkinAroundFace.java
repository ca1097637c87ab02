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
 * Reads the {@link SkinRing}: how much of each sector of a thin ring around the face's lower outline
 * has the face's own skin colour. A hand at the chin, cheek or mouth comes from below or beside the
 * face, so even when it lies inside the face's outline its palm, fingers or wrist cross the jaw line
 * and fill a sector that usually shows collar, hair or background. Each sector's usual level (a bare
 * neck included) is taken off later ({@link VisionTrack#faceTouches()}), so a beige wall does not read as a hand.
 */
final class SkinAroundFace {
    /** Sectors of the ring, each this many degrees, from beside the face (level with its middle) round under the chin. */
    static final int SECTORS = 6;
    private static final double SECTOR_DEGREES = 180.0 / SECTORS;
    /** The ring runs from the face's outline to this far out, in face half-widths and half-heights from its centre: where a hand on the face crosses it. */
    private static final double OUTER = 1.5;
    /** A pixel within this many standard deviations of the face's chroma is skin. */
    private static final double SKIN_SIGMAS = 2.5;
    /** Chroma spread floor (levels): faces lit evenly would otherwise admit only their exact colour. */
    private static final double MIN_SIGMA = 3;
    /** Darker than this (luma) is shadow, not skin. */
    private static final int MIN_LUMA = 40;
    private static final int GRID = 48;

    private SkinAroundFace() {
    }

    /** The ring around this face in this frame. */
    static SkinRing of(Mat bgr, FaceReading face) {
        double hw = face.width() / 2;
        double hh = face.height() / 2;
        int x0 = clamp(face.centreX() - hw * OUTER, bgr.cols());
        int y0 = clamp(face.centreY() - hh * 0.3, bgr.rows());
        int x1 = clamp(face.centreX() + hw * OUTER, bgr.cols());
        int y1 = clamp(face.centreY() + hh * OUTER, bgr.rows());
        double[] shares = new double[SECTORS];
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return new SkinRing(shares);
        }
        try (Mat region = new Mat(bgr, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat small = new Mat(); Mat ycc = new Mat();
                Size size = new Size(GRID, GRID)) {
            resize(region, small, size, 0, 0, INTER_AREA);
            cvtColor(small, ycc, COLOR_BGR2YCrCb);
            double sx = (double) (x1 - x0) / GRID;
            double sy = (double) (y1 - y0) / GRID;
            // one copy of the pixels into the heap: reading them one by one through an indexer cost more than the rest
            byte[] p = new byte[GRID * GRID * 3];
            ycc.data().get(p);
            double[] us = new double[GRID];
            double[] vs = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                us[i] = (x0 + (i + 0.5) * sx - face.centreX()) / hw;
                vs[i] = (y0 + (i + 0.5) * sy - face.centreY()) / hh;
            }
            // the face's skin: its middle, between the eyes and the mouth
            double[] sum = new double[2];
            double[] sq = new double[2];
            int n = 0;
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
                return new SkinRing(shares);
            }
            double[] mean = {sum[0] / n, sum[1] / n};
            double[] sigma = new double[2];
            for (int c = 0; c < 2; c++) {
                sigma[c] = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, sq[c] / n - mean[c] * mean[c])));
            }
            int[] all = new int[SECTORS];
            int[] skin = new int[SECTORS];
            for (int y = 0; y < GRID; y++) {
                for (int x = 0; x < GRID; x++) {
                    double r = Math.hypot(us[x], vs[y]);
                    if (r < 1 || r > OUTER || vs[y] < 0) {
                        continue;
                    }
                    int s = Math.min(SECTORS - 1, (int) (Math.toDegrees(Math.atan2(vs[y], us[x])) / SECTOR_DEGREES));
                    all[s]++;
                    int at = (y * GRID + x) * 3;
                    double dr = ((p[at + 1] & 0xff) - mean[0]) / sigma[0];
                    double db = ((p[at + 2] & 0xff) - mean[1]) / sigma[1];
                    if ((p[at] & 0xff) > MIN_LUMA && dr * dr + db * db <= SKIN_SIGMAS * SKIN_SIGMAS) {
                        skin[s]++;
                    }
                }
            }
            for (int s = 0; s < SECTORS; s++) {
                shares[s] = all[s] == 0 ? 0 : (double) skin[s] / all[s];
            }
            return new SkinRing(shares);
        }
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
