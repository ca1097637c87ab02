package app.coherence.analysis.vision.face;

import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * MediaPipe's BlazeFace full-range detector (192 x 192 input, one anchor per cell of a 48 x 48 grid, as
 * its SSD anchor options say: stride 4, offset 0.5, fixed size). Finds the most confident face in a square
 * region of a frame; small faces (a webcam overlay in a corner) are searched in smaller squares.
 */
final class FaceDetector implements AutoCloseable {
    private static final int INPUT = 192;
    private static final int GRID = 48;
    /** A detection below this confidence is not a face (MediaPipe's own full-range setting is 0.6). */
    static final double MIN_SCORE = 0.6;
    /**
     * The same where a face was seen a moment ago (around its last place, while it is looked for again): a head
     * turned 55-60 degrees or tipped far down scores about 0.3-0.4 there, while the place it left gave no face at
     * this score in any of the corpus' 12 scripted absences; below MIN_SCORE the face counts as there but turned
     * away, not as gone.
     */
    static final double SEEN_HERE_MIN_SCORE = 0.3;

    private final Net net = FaceModels.load(FaceModels.DETECTOR);
    private final List<String> outputs = new ArrayList<>();

    FaceDetector() {
        var names = net.getUnconnectedOutLayersNames();
        for (long i = 0; i < names.size(); i++) {
            outputs.add(names.get(i).getString());
        }
    }

    /** The best face in the region, or null. */
    FaceBox best(Mat frame, Square region) {
        return best(frame, region, MIN_SCORE);
    }

    /** The best face in the region scoring at least {@code minScore}, or null. */
    FaceBox best(Mat frame, Square region, double minScore) {
        FaceBox best = null;
        try (Mat square = region.cut(frame); Size size = new Size(INPUT, INPUT); Scalar mean = Scalar.all(127.5);
                Mat blob = blobFromImage(square, 1 / 127.5, size, mean, true, false, org.bytedeco.opencv.global.opencv_core.CV_32F);
                MatVector out = new MatVector()) {
            net.setInput(blob);
            try (var names = new org.bytedeco.opencv.opencv_core.StringVector(outputs.toArray(new String[0]))) {
                net.forward(out, names);
            }
            Mat boxes = null;
            Mat scores = null;
            for (long i = 0; i < out.size(); i++) {
                Mat m = out.get(i);
                if (m.total() == (long) GRID * GRID * 16) {
                    boxes = m;
                } else if (m.total() == (long) GRID * GRID) {
                    scores = m;
                }
            }
            if (boxes == null || scores == null) {
                throw new IllegalStateException("unexpected outputs of the face detector");
            }
            FloatPointer s = new FloatPointer(scores.data());
            FloatPointer b = new FloatPointer(boxes.data());
            double scale = region.side() / INPUT;
            for (int a = 0; a < GRID * GRID; a++) {
                double score = sigmoid(s.get(a));
                if (score < minScore || (best != null && score <= best.score())) {
                    continue;
                }
                double ax = (a % GRID + 0.5) / GRID * INPUT;
                double ay = (a / GRID + 0.5) / GRID * INPUT;
                int o = a * 16;
                best = new FaceBox(region.x() + (ax + b.get(o)) * scale, region.y() + (ay + b.get(o + 1)) * scale,
                        b.get(o + 2) * scale, b.get(o + 3) * scale,
                        region.x() + (ax + b.get(o + 4)) * scale, region.y() + (ay + b.get(o + 5)) * scale,
                        region.x() + (ax + b.get(o + 6)) * scale, region.y() + (ay + b.get(o + 7)) * scale,
                        region.x() + (ax + b.get(o + 8)) * scale, region.y() + (ay + b.get(o + 9)) * scale,
                        region.x() + (ax + b.get(o + 10)) * scale, region.y() + (ay + b.get(o + 11)) * scale, score);
            }
        }
        return best;
    }

    /**
     * The best face anywhere in the frame: first the whole frame (padded to a square), then, if none,
     * overlapping squares half the frame's height, where a face a twelfth of the frame high is large
     * enough for the model.
     */
    FaceBox search(Mat frame) {
        int w = frame.cols();
        int h = frame.rows();
        double side = Math.max(w, h);
        FaceBox best = best(frame, new Square((w - side) / 2, (h - side) / 2, side));
        if (best != null) {
            return best;
        }
        double tile = h / 2.0;
        double step = tile / 2;
        for (double y = 0; y + tile <= h + 1; y += step) {
            for (double x = 0; x < w; x += step) {
                double left = Math.min(x, w - tile);
                FaceBox found = best(frame, new Square(left, y, tile));
                if (found != null && (best == null || found.score() > best.score())) {
                    best = found;
                }
                if (left >= w - tile) {
                    break;
                }
            }
        }
        return best;
    }

    private static double sigmoid(double logit) {
        double x = Math.max(-100, Math.min(100, logit));
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void close() {
        net.close();
    }
}
