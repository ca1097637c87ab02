package app.coherence.analysis.vision.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * The vendored MediaPipe models (see resources app/coherence/analysis/vision/mediapipe/README.md), read
 * once per JVM from the classpath; a Net is not thread-safe, so every vision worker makes its own.
 */
public final class FaceModels {
    static final String DETECTOR = "face_detection_full_range.tflite";
    static final String LANDMARKS = "face_landmark.tflite";
    private static final String ROOT = "/app/coherence/analysis/vision/mediapipe/";
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private FaceModels() {
    }

    static Net load(String name) {
        byte[] model = BYTES.computeIfAbsent(name, FaceModels::read);
        Net net = opencv_dnn.readNetFromTFLite(model);
        if (net == null || net.empty()) {
            throw new IllegalStateException("OpenCV DNN cannot load the MediaPipe model " + name);
        }
        return net;
    }

    private static byte[] read(String name) {
        try (InputStream in = FaceModels.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("MediaPipe model " + name + " missing from the classpath (" + ROOT + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MediaPipe model " + name, e);
        }
    }
}
