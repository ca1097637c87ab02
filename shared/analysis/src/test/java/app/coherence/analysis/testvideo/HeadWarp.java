package app.coherence.analysis.testvideo;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Turns or tips a head in a still picture: the head is taken as a sphere, each pixel inside it is
 * moved to where the sphere's rotation carries it (what a camera sees when the head turns), and the
 * picture outside the sphere stays. Crude at the sphere's rim, but the face itself moves as a face does.
 */
public final class HeadWarp {
    private HeadWarp() {
    }

    /**
     * @param yaw   degrees, positive turns the face to the picture's right
     * @param pitch degrees, positive tips the face down
     */
    public static Mat turn(Mat picture, double cx, double cy, double radius, double yaw, double pitch) {
        int w = picture.cols();
        int h = picture.rows();
        double a = Math.toRadians(yaw);
        double b = Math.toRadians(pitch);
        Mat mapX = new Mat(h, w, CV_32FC1);
        Mat mapY = new Mat(h, w, CV_32FC1);
        try (FloatIndexer mx = mapX.createIndexer(); FloatIndexer my = mapY.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double px = x - cx;
                    double py = y - cy;
                    double r2 = radius * radius - px * px - py * py;
                    if (r2 <= 0) {
                        mx.put(y, x, x);
                        my.put(y, x, y);
                        continue;
                    }
                    double pz = Math.sqrt(r2);
                    // undo the tip (about the horizontal axis), then the turn (about the vertical axis)
                    double y1 = py * Math.cos(b) - pz * Math.sin(b);
                    double z1 = py * Math.sin(b) + pz * Math.cos(b);
                    double x0 = px * Math.cos(a) - z1 * Math.sin(a);
                    double z0 = px * Math.sin(a) + z1 * Math.cos(a);
                    if (z0 < 0) {
                        // the back of the head: the rim, seen edge-on
                        double n = Math.hypot(x0, y1);
                        x0 = x0 / n * radius * 0.98;
                        y1 = y1 / n * radius * 0.98;
                    }
                    mx.put(y, x, (float) (cx + x0));
                    my.put(y, x, (float) (cy + y1));
                }
            }
        }
        Mat out = new Mat();
        try (Scalar black = Scalar.all(0)) {
            remap(picture, out, mapX, mapY, INTER_LINEAR, BORDER_REPLICATE, black);
        }
        mapX.close();
        mapY.close();
        return out;
    }
}
