package app.coherence.analysis.vision.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * MediaPipe's face landmark model: 468 points of a face from a square crop around it (192 x 192, RGB in
 * 0-1), and the model's own belief that a face is there at all (which is how tracking knows it was lost).
 */
final class FaceMesh implements AutoCloseable {
    static final int POINTS = 468;
    private static final int INPUT = 192;
    /** Below this face presence the crop holds no face (MediaPipe tracks on 0.5). */
    static final double MIN_PRESENCE = 0.5;

    private final Net net = FaceModels.load(FaceModels.LANDMARKS);
    private final List<String> outputs = new ArrayList<>();

    FaceMesh() {
        var names = net.getUnconnectedOutLayersNames();
        for (long i = 0; i < names.size(); i++) {
            outputs.add(names.get(i).getString());
        }
    }

    /** The face's points in frame pixels (x, y, and depth z on the same scale, smaller nearer the camera), with its presence; null when the crop holds no face. */
    Result read(Mat frame, Square crop) {
        try (Mat square = crop.cut(frame); Size size = new Size(INPUT, INPUT); Scalar zero = Scalar.all(0);
                Mat blob = blobFromImage(square, 1 / 255.0, size, zero, true, false, CV_32F); MatVector out = new MatVector();
                StringVector names = new StringVector(outputs.toArray(new String[0]))) {
            net.setInput(blob);
            net.forward(out, names);
            Mat points = null;
            Mat flag = null;
            for (long i = 0; i < out.size(); i++) {
                Mat m = out.get(i);
                if (m.total() == POINTS * 3L) {
                    points = m;
                } else if (m.total() == 1) {
                    flag = m;
                }
            }
            if (points == null || flag == null) {
                throw new IllegalStateException("unexpected outputs of the face landmark model");
            }
            double presence = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, new FloatPointer(flag.data()).get(0)))));
            if (presence < MIN_PRESENCE) {
                return null;
            }
            FloatPointer p = new FloatPointer(points.data());
            double scale = crop.side() / INPUT;
            double[][] mesh = new double[POINTS][3];
            for (int i = 0; i < POINTS; i++) {
                mesh[i][0] = crop.x() + p.get(i * 3) * scale;
                mesh[i][1] = crop.y() + p.get(i * 3 + 1) * scale;
                mesh[i][2] = p.get(i * 3 + 2) * scale;
            }
            return new Result(mesh, presence);
        }
    }

    record Result(double[][] mesh, double presence) {
    }

    @Override
    public void close() {
        net.close();
    }
}
