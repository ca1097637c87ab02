package app.coherence.analysis.decode;

import org.bytedeco.opencv.opencv_core.Mat;

/** Receives the sampled, downscaled video frames in order (BGR); the Mat is only valid during the call. */
@FunctionalInterface
public interface FrameSink {

    void accept(double seconds, Mat bgr);
}
