package app.coherence.analysis.vision;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import app.coherence.analysis.decode.FrameSink;
import app.coherence.analysis.decode.SinkFailure;
import app.coherence.analysis.vision.face.FaceReading;
import app.coherence.analysis.vision.face.FaceTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Looks at the sampled frames on its own thread (a bounded queue decouples it from the decoder): the face
 * (MediaPipe detector and landmarks), where it points, its smile, motion outside the face, whole-frame
 * change, and one thumbnail. Keeps one
 * small summary per frame and the previous frame only.
 */
public final class VisionAnalyzer implements FrameSink, AutoCloseable {
    /** A pixel whose blurred colour moved this much (grey level of the colour difference) changed. */
    private static final double PIXEL_CHANGE = 25;
    private static final int MOTION_WIDTH = 160;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Mat POISON = new Mat();

    private final BlockingQueue<Sampled> queue = new ArrayBlockingQueue<>(8);
    private final List<FrameFeatures> frames = new ArrayList<>();
    private final double thumbnailAt;
    private final Thread worker;
    private volatile Throwable failure;
    private byte[] thumbnail;
    private Mat previous;
    private Rect lastFace;
    private volatile long cpuNanos;

    private record Sampled(double time, Mat bgr) {
    }

    /** {@code thumbnailAt}: the first frame at or after this time (seconds) becomes the thumbnail. */
    public VisionAnalyzer(double thumbnailAt) {
        this.thumbnailAt = thumbnailAt;
        this.worker = new Thread(this::work, "vision");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void accept(double seconds, Mat bgr) {
        if (failure != null) {
            throw new SinkFailure("vision", failure);
        }
        try {
            queue.put(new Sampled(seconds, bgr.clone()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a frame to vision", e);
        }
    }

    /** Waits for the queued frames and returns everything seen. */
    public VisionTrack finish() {
        try {
            queue.put(new Sampled(-1, POISON));
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for vision", e);
        }
        if (failure != null) {
            throw new SinkFailure("vision", failure);
        }
        return new VisionTrack(Foreshortening.judge(List.copyOf(frames)), thumbnail);
    }

    /** CPU time the vision thread spent looking at frames (seconds). */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** Stops the worker and waits for it (a model run in progress is not interruptible: at most one frame's work). */
    @Override
    public void close() {
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        try (FaceTracker faces = new FaceTracker()) {
            while (true) {
                Sampled s = queue.take();
                if (s.bgr() == POISON) {
                    return;
                }
                try (Mat bgr = s.bgr()) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    frames.add(look(s.time(), bgr, faces));
                    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
                    if (thumbnail == null && s.time() >= thumbnailAt) {
                        thumbnail = jpeg(bgr);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
            queue.clear();
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
    }

    private FrameFeatures look(double time, Mat bgr, FaceTracker faces) {
        int w = bgr.cols();
        int h = bgr.rows();
        FaceReading reading = faces.read(bgr);
        if (reading != null) {
            lastFace = new Rect((int) Math.round(reading.centreX() - reading.width() / 2),
                    (int) Math.round(reading.centreY() - reading.height() / 2),
                    (int) Math.round(reading.width()), (int) Math.round(reading.height()));
        }
        Gaze gaze = EyeContact.of(reading);
        boolean landmarks = reading != null && reading.landmarks();
        double[] motion = motion(bgr, lastFace, w);
        return new FrameFeatures(time, reading != null, gaze == Gaze.CAMERA,
                reading == null ? Double.NaN : reading.centreX() / w,
                reading == null ? Double.NaN : reading.centreY() / h,
                reading == null ? 0 : reading.width() / w, Smile.of(reading), motion[0], motion[1],
                reading == null ? 0 : reading.height() / h, gaze, landmarks ? reading.yaw() : Double.NaN, landmarks ? reading.pitch() : Double.NaN,
                landmarks ? SkinAroundFace.of(bgr, reading) : SkinRing.NONE);
    }

    /** {motion outside the (widened) face, change over the whole frame}, as shares of pixels. */
    private double[] motion(Mat bgr, Rect face, int width) {
        double scale = (double) MOTION_WIDTH / width;
        Mat small = new Mat();
        try (Size size = new Size(MOTION_WIDTH, Math.max(2, (int) Math.round(bgr.rows() * scale))); Size kernel = new Size(5, 5)) {
            resize(bgr, small, size, 0, 0, INTER_AREA);
            GaussianBlur(small, small, kernel, 0);
        }
        double[] out = {0, 0};
        if (previous != null && previous.rows() == small.rows()) {
            try (Mat colourDiff = new Mat(); Mat diff = new Mat()) {
                // in colour: two slides of equal brightness but different colour must still differ
                absdiff(small, previous, colourDiff);
                cvtColor(colourDiff, diff, COLOR_BGR2GRAY);
                threshold(diff, diff, PIXEL_CHANGE, 255, THRESH_BINARY);
                int all = countNonZero(diff);
                int total = small.rows() * small.cols();
                int inFace = 0;
                int faceArea = 0;
                if (face != null) {
                    // the head and a margin around it: nodding and talking are not gestures
                    int x0 = clamp((int) ((face.x() - face.width() * 0.3) * scale), small.cols());
                    int x1 = clamp((int) ((face.x() + face.width() * 1.3) * scale), small.cols());
                    int y0 = clamp((int) ((face.y() - face.height() * 0.3) * scale), small.rows());
                    int y1 = clamp((int) ((face.y() + face.height() * 1.4) * scale), small.rows());
                    if (x1 > x0 && y1 > y0) {
                        try (Mat region = new Mat(diff, new Rect(x0, y0, x1 - x0, y1 - y0))) {
                            inFace = countNonZero(region);
                        }
                        faceArea = (x1 - x0) * (y1 - y0);
                    }
                }
                out[0] = (double) (all - inFace) / Math.max(1, total - faceArea);
                out[1] = (double) all / total;
            }
        }
        if (previous != null) {
            previous.close();
        }
        previous = small;
        return out;
    }

    private static byte[] jpeg(Mat bgr) {
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(".jpg", bgr, buffer)) {
                return null;
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
