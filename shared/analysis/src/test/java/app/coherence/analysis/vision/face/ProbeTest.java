package app.coherence.analysis.vision.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        String[] files = System.getProperty("probe.files", "").split(",");
        try (FaceTracker t = new FaceTracker()) {
            for (String f : files) {
                Mat m = imread(f);
                long t0 = System.nanoTime();
                FaceReading r = t.read(m);
                FaceReading r2 = t.read(m);
                long t1 = System.nanoTime();
                FaceReading r3 = t.read(m);
                long t2 = System.nanoTime();
                System.out.printf("%s %dx%d%n  %s%n  %s%n  track %.1f ms (first %.1f)%n", f, m.cols(), m.rows(), r, r3, (t2 - t1) / 1e6, (t1 - t0) / 1e6);
            }
        }
    }
}
