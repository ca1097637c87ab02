package app.coherence.analysis.testvideo;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.pow;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_core.theRNG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A video as a dim room records it after the webcam's auto-exposure has done what it can: 60 % of the light, darker
 * mid-tones (gamma 1.2) and the noise of high gain (sigma 8 of 255). Colours fade towards grey and skin, neck,
 * shirt and wall come closer together: what a face-touch or smile reading must survive. The same noise every time.
 */
public final class DimRoom {
    static final double LIGHT = 0.6;
    static final double GAMMA = 1.2;
    static final double NOISE = 8 / 255.0;

    private DimRoom() {
    }

    /** {@code video} remade dim into {@code out} (kept if already made from this video), with a silent sound track. */
    public static Path of(Path video, Path out) throws Exception {
        // a scene rendered again (the generated ones are, on every run) is dimmed again
        if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(video)) >= 0) {
            return out;
        }
        Path partial = out.resolveSibling(out.getFileName() + ".part.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat c = new OpenCVFrameConverter.ToMat()) {
            g.start();
            double fps = g.getFrameRate();
            try (FFmpegFrameRecorder r = SilentVideo.recorder(partial, g.getImageWidth(), g.getImageHeight(), fps); Mat noise = new Mat()) {
                r.start();
                theRNG().state(13);
                Frame f;
                while ((f = g.grabImage()) != null) {
                    Mat m = c.convert(f);
                    darken(m, noise);
                    SilentVideo.record(r, c.convert(m), fps);
                }
                r.stop();
            }
            g.stop();
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** Dims one BGR frame in place ({@code noise} is scratch space). */
    static void darken(Mat frame, Mat noise) {
        try (Mat f = new Mat()) {
            frame.convertTo(f, CV_32FC3, 1 / 255.0, 0);
            pow(f, GAMMA, f);
            noise.create(frame.rows(), frame.cols() * 3, CV_32F); // one channel: randn's mean and sigma are then scalars
            try (Mat mean = new Mat(1, 1, CV_64F, new Scalar(0)); Mat sigma = new Mat(1, 1, CV_64F, new Scalar(NOISE));
                    Mat perChannel = noise.reshape(3, frame.rows())) {
                randn(noise, mean, sigma);
                scaleAdd(f, LIGHT, perChannel, f);
            }
            f.convertTo(frame, CV_8UC3, 255, 0);
        }
    }
}
