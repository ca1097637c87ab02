package app.coherence.analysis.vision.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** A square region of a frame (pixels; it may reach past the edges, which read as black), cut out for a model. */
record Square(double x, double y, double side) {

    static Square around(double centreX, double centreY, double side) {
        return new Square(centreX - side / 2, centreY - side / 2, side);
    }

    /** The region's pixels (a new Mat, black where it leaves the frame). */
    Mat cut(Mat frame) {
        int x0 = (int) Math.round(x);
        int y0 = (int) Math.round(y);
        int s = Math.max(1, (int) Math.round(side));
        int ix0 = Math.max(0, x0);
        int iy0 = Math.max(0, y0);
        int ix1 = Math.min(frame.cols(), x0 + s);
        int iy1 = Math.min(frame.rows(), y0 + s);
        Mat out = new Mat();
        if (ix1 <= ix0 || iy1 <= iy0) {
            return new Mat(s, s, frame.type(), Scalar.all(0));
        }
        try (Mat inside = new Mat(frame, new Rect(ix0, iy0, ix1 - ix0, iy1 - iy0)); Scalar black = Scalar.all(0)) {
            copyMakeBorder(inside, out, iy0 - y0, y0 + s - iy1, ix0 - x0, x0 + s - ix1, BORDER_CONSTANT, black);
        }
        return out;
    }
}
