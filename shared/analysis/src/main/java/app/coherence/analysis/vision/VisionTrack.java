package app.coherence.analysis.vision;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Every sampled frame's summary, and what they add up to: framing, gaze, gestures, fidgeting, slide changes. */
public final class VisionTrack {
    /** A frame where this share of all pixels changed shows a new slide or scene. */
    static final double SCENE_CHANGE = 0.25;
    /** Motion outside the face above this share of pixels is a gesture. */
    static final double GESTURE_MOTION = 0.006;
    /** Smaller but visible motion outside the face: fidgeting when it lasts. */
    static final double FIDGET_MOTION = 0.0015;
    static final double FIDGET_SECONDS = 1.0;
    static final double CENTRED = 0.15;

    private final List<FrameFeatures> frames;
    private final byte[] thumbnail;

    public VisionTrack(List<FrameFeatures> frames, byte[] thumbnail) {
        this.frames = frames;
        this.thumbnail = thumbnail;
    }

    public List<FrameFeatures> frames() {
        return frames;
    }

    /** A JPEG near 10% of the talk; null when no frame was sampled. */
    public byte[] thumbnail() {
        return thumbnail;
    }

    public double faceVisiblePct() {
        return pct(frames.stream().filter(FrameFeatures::face).count());
    }

    public double centredPct() {
        return pct(frames.stream().filter(f -> f.face() && Math.abs(f.faceX() - 0.5) <= CENTRED).count());
    }

    /** Share of frames facing the camera: the eye-contact proxy. */
    public double eyeContactPct() {
        return pct(frames.stream().filter(FrameFeatures::frontal).count());
    }

    /** Times at which the picture changed wholesale (a new slide), at most one per second. */
    public List<Double> slideChanges() {
        List<Double> out = new ArrayList<>();
        for (FrameFeatures f : frames) {
            if (f.change() >= SCENE_CHANGE && (out.isEmpty() || f.time() - out.get(out.size() - 1) > 1)) {
                out.add(f.time());
            }
        }
        return List.copyOf(out);
    }

    /** Stretches of hand or body movement outside the face (slide changes excluded). */
    public List<TimeSpan> gestures() {
        return runs(GESTURE_MOTION, Double.MAX_VALUE, 0);
    }

    /** Stretches of small, lasting movement: fidgeting. */
    public List<TimeSpan> fidgets() {
        return runs(FIDGET_MOTION, GESTURE_MOTION, FIDGET_SECONDS);
    }

    /** Share (0-1) of frames in [from, to) that face the camera; NaN when no frame falls there. */
    public double frontalShare(double from, double to) {
        return share(from, to, FrameFeatures::frontal);
    }

    /** Share (0-1) of frames in [from, to) with a smile; NaN when no frame falls there. */
    public double smileShare(double from, double to) {
        return share(from, to, FrameFeatures::smiling);
    }

    public double faceShare(double from, double to) {
        return share(from, to, FrameFeatures::face);
    }

    private double share(double from, double to, java.util.function.Predicate<FrameFeatures> test) {
        long n = 0;
        long hit = 0;
        for (FrameFeatures f : frames) {
            if (f.time() >= from && f.time() < to) {
                n++;
                if (test.test(f)) {
                    hit++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) hit / n;
    }

    private List<TimeSpan> runs(double low, double high, double minSeconds) {
        List<TimeSpan> out = new ArrayList<>();
        double start = -1;
        double end = -1;
        for (int i = 0; i < frames.size(); i++) {
            FrameFeatures f = frames.get(i);
            boolean moving = f.change() < SCENE_CHANGE && f.motion() >= low && f.motion() < high;
            if (moving) {
                double from = i == 0 ? f.time() : frames.get(i - 1).time();
                if (start < 0) {
                    start = from;
                }
                end = f.time();
            } else if (start >= 0 && f.time() - end > 0.6) {
                if (end - start >= minSeconds) {
                    out.add(new TimeSpan(start, end));
                }
                start = -1;
            }
        }
        if (start >= 0 && end - start >= minSeconds) {
            out.add(new TimeSpan(start, end));
        }
        return List.copyOf(out);
    }

    private double pct(long count) {
        return frames.isEmpty() ? 0 : Math.round(1000.0 * count / frames.size()) / 10.0;
    }
}
