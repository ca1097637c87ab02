package app.coherence.analysis.vision.face;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Follows the speaker's face from frame to frame: the landmark model is run on a crop around where the
 * face was last time, and the detector only when that crop holds no face. A face the detector still sees where
 * it just was but the mesh cannot read (turned far) is kept, with a coarse pose. Not thread-safe (one per worker).
 */
public final class FaceTracker implements AutoCloseable {
    /** Crop side over the face's landmark extent (MediaPipe's own ROI scale): room for a quarter second of movement. */
    private static final double CROP_SCALE = 1.6;
    /** While no face is found, the slow tiled search for small faces runs on one frame in this many. */
    private static final int TILED_SEARCH_EVERY = 4;

    private final FaceDetector detector = new FaceDetector();
    private final FaceMesh mesh = new FaceMesh();
    /**
     * Frames in a row (10 s at 4 fps) in which the face is looked for again near where it was last seen, every
     * frame: a head turned away comes back where it was, and a small overlay face is found there at a scale
     * the whole-frame pass cannot see (the tiled search reaches it only one frame in four).
     */
    private static final int NEAR_LAST_FRAMES = 40;
    /** Frames between fresh detections while tracking (2 s at 4 fps): a crop that follows its own landmarks can drift. */
    private static final int REDETECT_EVERY = 8;
    private Square last;
    private Square lastSeen;
    private int missed;
    private int tracked;

    /** The face in this frame, or null when there is none. */
    public FaceReading read(Mat frame) {
        if (last != null && ++tracked >= REDETECT_EVERY) {
            tracked = 0;
            FaceBox box = detector.best(frame, Square.around(last.x() + last.side() / 2, last.y() + last.side() / 2, last.side() * 2));
            if (box != null) {
                last = Square.around(box.centreX(), box.centreY(), Math.max(box.width(), box.height()) * CROP_SCALE);
            }
        }
        FaceMesh.Result found = last == null ? null : mesh.read(frame, last);
        if (found == null) {
            // near where it was first (a small face is found at a good scale there), then everywhere
            FaceBox box = lastSeen != null && missed < NEAR_LAST_FRAMES
                    ? detector.best(frame, Square.around(lastSeen.x() + lastSeen.side() / 2, lastSeen.y() + lastSeen.side() / 2, lastSeen.side() * 2),
                            FaceDetector.SEEN_HERE_MIN_SCORE)
                    : null;
            boolean nearLast = box != null;
            if (box == null) {
                box = missed % TILED_SEARCH_EVERY == 0 ? detector.search(frame) : wholeFrame(frame);
            }
            if (box != null && nearLast && box.score() < FaceDetector.MIN_SCORE) {
                // barely seen where it just was: turned further than the mesh reads truly (it fits a face looking
                // ahead onto it), so the face is there and facing away; the next frame looks for it afresh. Still
                // counted as missed: after NEAR_LAST_FRAMES of nothing better, a weak look-alike there is not the face.
                last = null;
                missed++;
                return FaceShape.of(box, true);
            }
            if (box != null) {
                found = mesh.read(frame, Square.around(box.centreX(), box.centreY(), Math.max(box.width(), box.height()) * CROP_SCALE));
                if (found == null && nearLast) {
                    // the detector sees the face where it just was, the mesh cannot read it: turned past the mesh's reach
                    last = null;
                    missed = 0;
                    return FaceShape.of(box);
                }
            }
        }
        FaceReading reading = found == null ? null : FaceShape.of(found.mesh(), frame.cols());
        if (reading == null) {
            last = null;
            missed++;
            return null;
        }
        missed = 0;
        last = Square.around(reading.centreX(), reading.centreY(), Math.max(reading.width(), reading.height()) * CROP_SCALE);
        lastSeen = last;
        return reading;
    }

    private FaceBox wholeFrame(Mat frame) {
        double side = Math.max(frame.cols(), frame.rows());
        return detector.best(frame, new Square((frame.cols() - side) / 2, (frame.rows() - side) / 2, side));
    }

    @Override
    public void close() {
        detector.close();
        mesh.close();
    }
}
