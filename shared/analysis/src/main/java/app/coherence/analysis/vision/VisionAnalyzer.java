package app.coherence.analysis.vision;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import app.coherence.analysis.decode.FrameSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Looks at the sampled frames on its own thread (a bounded queue decouples it from the decoder): face
 * and its direction, smile, motion outside the face, whole-frame change, and one thumbnail. Keeps one
 * small summary per frame and the previous frame only.
 */
public final class VisionAnalyzer implements FrameSink, AutoCloseable {
    /** A pixel whose blurred colour moved this much (grey level of the colour difference) changed. */
    private static final double PIXEL_CHANGE = 25;
    private static final int MOTION_WIDTH = 160;
    /** Frames between full-frame face searches while the face is being tracked (every 2 s at 4 fps). */
    private static final int FULL_SEARCH_EVERY = 8;
    /** Around the last frontal face, as a share of its size on each side: a head moves less in a quarter second. */
    private static final double TRACK_MARGIN = 0.5;
    private static final Mat POISON = new Mat();

    private final BlockingQueue<Sampled> queue = new ArrayBlockingQueue<>(8);
    private final List<FrameFeatures> frames = new ArrayList<>();
    private final double thumbnailAt;
    private final Thread worker;
    private volatile Throwable failure;
    private byte[] thumbnail;
    private Mat previous;
    private Rect lastFace;
    private Rect lastFrontal;
    private int trackedFrames;

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
            throw new IllegalStateException("vision failed", failure);
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
            throw new IllegalStateException("vision failed", failure);
        }
        return new VisionTrack(List.copyOf(frames), thumbnail);
    }

    @Override
    public void close() {
        worker.interrupt();
    }

    private void work() {
        try (CascadeClassifier frontal = Cascades.load(Cascades.FRONTAL);
                CascadeClassifier profile = Cascades.load(Cascades.PROFILE);
                CascadeClassifier smile = Cascades.load(Cascades.SMILE)) {
            while (true) {
                Sampled s = queue.take();
                if (s.bgr() == POISON) {
                    return;
                }
                try (Mat bgr = s.bgr()) {
                    frames.add(look(s.time(), bgr, frontal, profile, smile));
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

    private FrameFeatures look(double time, Mat bgr, CascadeClassifier frontal, CascadeClassifier profile, CascadeClassifier smile) {
        int w = bgr.cols();
        int h = bgr.rows();
        // a presenter's face is at least a seventh of the frame high
        try (Mat gray = new Mat(); Mat equalised = new Mat(); RectVector found = new RectVector();
                Size min = new Size(Math.max(20, h / 7), Math.max(20, h / 7)); Size max = new Size(h, h)) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            equalizeHist(gray, equalised);
            Rect face = lastFrontal != null && trackedFrames < FULL_SEARCH_EVERY ? nearLastFace(equalised, frontal, min) : null;
            if (face == null) {
                frontal.detectMultiScale(equalised, found, 1.2, 4, 0, min, max);
                face = largest(found);
                trackedFrames = 0;
            } else {
                trackedFrames++;
            }
            lastFrontal = face;
            boolean isFrontal = face != null;
            boolean smiling = false;
            if (isFrontal) {
                Rect mouth = new Rect(face.x(), face.y() + face.height() / 2, face.width(), face.height() / 2);
                try (Mat roi = new Mat(equalised, mouth); RectVector smiles = new RectVector();
                        Size smallest = new Size(Math.max(8, face.width() / 4), Math.max(5, face.height() / 8));
                        Size any = new Size()) {
                    smile.detectMultiScale(roi, smiles, 1.3, 20, 0, smallest, any);
                    smiling = smiles.size() > 0;
                }
            } else {
                face = profileFace(equalised, profile, min, max);
            }
            if (face != null) {
                lastFace = face;
            }
            double[] motion = motion(bgr, lastFace, w);
            return new FrameFeatures(time, face != null, isFrontal,
                    face == null ? Double.NaN : (face.x() + face.width() / 2.0) / w,
                    face == null ? Double.NaN : (face.y() + face.height() / 2.0) / h,
                    face == null ? 0 : (double) face.width() / w, smiling, motion[0], motion[1]);
        }
    }

    /**
     * The frontal face searched only around where it was last frame, at sizes near its last size: a
     * fraction of the full search's cost. Null if it is not there (the caller then searches everywhere).
     */
    private Rect nearLastFace(Mat equalised, CascadeClassifier frontal, Size min) {
        Rect last = lastFrontal;
        int x0 = clamp((int) (last.x() - last.width() * TRACK_MARGIN), equalised.cols());
        int y0 = clamp((int) (last.y() - last.height() * TRACK_MARGIN), equalised.rows());
        int x1 = clamp((int) (last.x() + last.width() * (1 + TRACK_MARGIN)), equalised.cols());
        int y1 = clamp((int) (last.y() + last.height() * (1 + TRACK_MARGIN)), equalised.rows());
        int side = Math.min(x1 - x0, y1 - y0);
        int minSide = Math.max(min.width(), (int) (last.width() * 0.7));
        int maxSide = Math.min(side, (int) Math.ceil(last.width() * 1.4));
        if (maxSide < minSide) {
            return null;
        }
        try (Mat window = new Mat(equalised, new Rect(x0, y0, x1 - x0, y1 - y0)); RectVector found = new RectVector();
                Size lo = new Size(minSide, minSide); Size hi = new Size(maxSide, maxSide)) {
            frontal.detectMultiScale(window, found, 1.2, 4, 0, lo, hi);
            Rect face = largest(found);
            return face == null ? null : new Rect(face.x() + x0, face.y() + y0, face.width(), face.height());
        }
    }

    private static Rect profileFace(Mat equalised, CascadeClassifier profile, Size min, Size max) {
        try (RectVector found = new RectVector()) {
            profile.detectMultiScale(equalised, found, 1.2, 4, 0, min, max);
            Rect face = largest(found);
            if (face != null) {
                return face;
            }
            try (Mat mirrored = new Mat(); RectVector other = new RectVector()) {
                flip(equalised, mirrored, 1); // the profile model knows one side only
                profile.detectMultiScale(mirrored, other, 1.2, 4, 0, min, max);
                Rect m = largest(other);
                return m == null ? null : new Rect(equalised.cols() - m.x() - m.width(), m.y(), m.width(), m.height());
            }
        }
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

    private static Rect largest(RectVector rects) {
        Rect best = null;
        for (long i = 0; i < rects.size(); i++) {
            Rect r = rects.get(i);
            if (best == null || r.area() > best.area()) {
                best = new Rect(r.x(), r.y(), r.width(), r.height());
            }
        }
        return best;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
