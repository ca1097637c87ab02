package app.coherence.analysis.vision;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Facing away at least this long is a look-away (a glance is shorter). */
    static final double LOOK_AWAY_SECONDS = 1.0;
    /** A look-away goes on through facing the camera this briefly (one sampled frame at 4 fps, a flicker). */
    static final double LOOK_AWAY_GAP = 0.3;
    /**
     * A look-away needs one frame pointing at least this share past the cone's edge (1.1: 10 % further): a head held
     * on the edge reads a degree either side of it from frame to frame (the real speaker leaning back read 15.0-15.7
     * degrees up against an edge of 15), which is landmark jitter, not looking away. Out of frame, eyes shut and a
     * foreshortened face are clear whatever the pose reads.
     */
    static final double LOOK_AWAY_CLEAR = 1.1;
    /** A hand held at the face this long is a face touch (brushing the hair away is shorter). */
    static final double TOUCH_SECONDS = 1.0;
    /**
     * A hand is at the face when skin fills at least this share of what is usually not skin in one sector of the
     * ring below the face: a palm or wrist crossing the jaw filled 0.6-1.0 (median per talk) on every face of the
     * corpus, the real speaker talking and leaning back at most 0.3.
     */
    static final double TOUCH_FILL = 0.4;
    /** A sector that is nearly all skin already (a bare neck) is judged as if this share were free: its flicker is no hand. */
    static final double TOUCH_HEADROOM = 0.25;
    /**
     * A sector whose reading swings more than this (median deviation from its usual, over the frames facing the camera)
     * cannot show a hand: its noise alone crosses {@link #TOUCH_FILL}. The corpus' sectors swing at most 0.08; the real
     * speaker's neck in a dim room, its colour close to the face's and flickering with sensor noise, 0.2.
     */
    static final double TOUCH_SECTOR_SWING = 0.12;
    /** Touches are judged only with the head within this many degrees of its usual yaw: a turned head shows neck and ears. */
    static final double TOUCH_STEADY_YAW = 12;
    /** ... and of its usual pitch: a head tipped up shows the neck below the chin. */
    static final double TOUCH_STEADY_PITCH = 10;
    /**
     * ... and with the face within this share of its usual height: leaning back or forward moves the neck and collar
     * under the ring (the real speaker leaning back: 28 % smaller; a hand at the face in the corpus: within 10 %).
     */
    static final double TOUCH_STEADY_SIZE = 0.15;
    /** With a face in fewer frames than this share, there is no gaze to follow (framing covers it). */
    static final double NEEDS_FACE = 0.2;
    /** A face at most this high (share of the frame, median) and off-centre is a webcam overlay. */
    static final double OVERLAY_HEIGHT = 0.2;
    /** An overlay's face centre is at least this far from the middle of the frame (share of width or height). */
    static final double OVERLAY_OFFSET = 0.2;

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

    /**
     * Share of frames with the face well placed: near the middle of a full-frame picture; anywhere in an
     * overlay (its place is the layout's, not the speaker's doing).
     */
    public double centredPct() {
        if (layout() == Layout.OVERLAY) {
            return faceVisiblePct();
        }
        return pct(frames.stream().filter(f -> f.face() && Math.abs(f.faceX() - 0.5) <= CENTRED).count());
    }

    /** The recording's layout, from the median size and place of the face. */
    public Layout layout() {
        double[] heights = frames.stream().filter(FrameFeatures::face).mapToDouble(FrameFeatures::faceHeight).sorted().toArray();
        if (heights.length == 0 || heights.length < frames.size() * NEEDS_FACE) {
            return Layout.NO_FACE;
        }
        double[] xs = frames.stream().filter(FrameFeatures::face).mapToDouble(FrameFeatures::faceX).sorted().toArray();
        double[] ys = frames.stream().filter(FrameFeatures::face).mapToDouble(FrameFeatures::faceY).sorted().toArray();
        double height = heights[heights.length / 2];
        boolean offCentre = Math.abs(xs[xs.length / 2] - 0.5) >= OVERLAY_OFFSET || Math.abs(ys[ys.length / 2] - 0.5) >= OVERLAY_OFFSET;
        return height <= OVERLAY_HEIGHT && offCentre ? Layout.OVERLAY : Layout.FULL_FRAME;
    }

    /** Share of all frames facing the camera. */
    public double eyeContactPct() {
        return pct(frames.stream().filter(FrameFeatures::frontal).count());
    }

    /**
     * Eye contact while speaking: the share of frames inside {@code speaking} (spans in seconds) that face
     * the camera with open eyes; over every frame when nothing was spoken.
     */
    public double eyeContactPct(List<TimeSpan> speaking) {
        long n = 0;
        long hit = 0;
        for (FrameFeatures f : frames) {
            if (speaking.stream().anyMatch(s -> f.time() >= s.start() && f.time() < s.end())) {
                n++;
                hit += f.frontal() ? 1 : 0;
            }
        }
        return n == 0 ? eyeContactPct() : Math.round(1000.0 * hit / n) / 10.0;
    }

    /**
     * Stretches of at least {@link #LOOK_AWAY_SECONDS} facing away from the camera (or out of the picture),
     * each with the direction it faced most; none when the face is too rarely seen to follow.
     */
    public List<LookAway> lookAways() {
        List<LookAway> out = new ArrayList<>();
        if (frames.isEmpty() || frames.stream().filter(FrameFeatures::face).count() < frames.size() * NEEDS_FACE) {
            return out;
        }
        int i = 0;
        while (i < frames.size()) {
            if (frames.get(i).frontal()) {
                i++;
                continue;
            }
            int j = i;
            int k = i + 1;
            while (k < frames.size()) {
                if (!frames.get(k).frontal()) {
                    j = k;
                    k++;
                } else if (k + 1 < frames.size() && !frames.get(k + 1).frontal()
                        && frames.get(k + 1).time() - frames.get(k).time() <= LOOK_AWAY_GAP) {
                    k++;
                } else {
                    break;
                }
            }
            double start = frames.get(i).time();
            double end = j + 1 < frames.size() ? frames.get(j + 1).time() : frames.get(j).time() + step();
            if (end - start >= LOOK_AWAY_SECONDS - 1e-9 && clearlyAway(i, j)) {
                out.add(new LookAway(start, end, mostly(i, j)));
            }
            i = j + 1;
        }
        return List.copyOf(out);
    }

    /** Spans (seconds) in which the mouth's shape is a smile, at least two sampled frames long. */
    public List<TimeSpan> smiles() {
        List<TimeSpan> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            if (!frames.get(i).smiling()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < frames.size() && frames.get(j + 1).smiling()) {
                j++;
            }
            if (j > i) {
                double end = j + 1 < frames.size() ? frames.get(j + 1).time() : frames.get(j).time() + step();
                out.add(new TimeSpan(frames.get(i).time(), end));
            }
            i = j + 1;
        }
        return List.copyOf(out);
    }

    /**
     * Spans (seconds) with a hand on or at the face, at least {@link #TOUCH_SECONDS} long: skin fills a sector of
     * the ring below the face ({@link SkinRing}) that usually is not skin, by {@link #TOUCH_FILL} of what was
     * free there. Usual means the talk's median over the frames facing the camera, sector by sector and for the
     * head pose and face height; a frame is judged only while it faces the camera near that usual pose and size, and
     * a sector only when its reading is steady enough to tell a hand from noise ({@link #TOUCH_SECTOR_SWING}).
     */
    public List<TimeSpan> faceTouches() {
        List<FrameFeatures> usual = frames.stream().filter(f -> f.frontal() && f.skinAroundFace().read()).toList();
        List<TimeSpan> out = new ArrayList<>();
        if (usual.isEmpty()) {
            return out;
        }
        double[] sectors = new double[SkinAroundFace.SECTORS];
        for (int s = 0; s < sectors.length; s++) {
            int sector = s;
            double[] readings = usual.stream().mapToDouble(f -> f.skinAroundFace().sectors()[sector]).toArray();
            sectors[s] = median(readings);
            double level = sectors[s];
            // a sector too noisy to show a hand is not judged (NaN)
            if (median(Arrays.stream(readings).map(r -> Math.abs(r - level)).toArray()) > TOUCH_SECTOR_SWING) {
                sectors[s] = Double.NaN;
            }
        }
        Pose pose = new Pose(median(usual.stream().mapToDouble(FrameFeatures::yaw).toArray()),
                median(usual.stream().mapToDouble(FrameFeatures::pitch).toArray()),
                median(usual.stream().mapToDouble(FrameFeatures::faceHeight).toArray()));
        int i = 0;
        while (i < frames.size()) {
            if (!touching(frames.get(i), sectors, pose)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < frames.size() && touching(frames.get(j + 1), sectors, pose)) {
                j++;
            }
            double end = j + 1 < frames.size() ? frames.get(j + 1).time() : frames.get(j).time() + step();
            if (end - frames.get(i).time() >= TOUCH_SECONDS - 1e-9) {
                out.add(new TimeSpan(frames.get(i).time(), end));
            }
            i = j + 1;
        }
        return List.copyOf(out);
    }

    /** The speaker's usual head pose and face height over the frames facing the camera. */
    private record Pose(double yaw, double pitch, double height) {
        /** True when the frame's head and framing are near the usual: the ring then covers what it usually does. */
        boolean steady(FrameFeatures f) {
            return Math.abs(f.yaw() - yaw) <= TOUCH_STEADY_YAW && Math.abs(f.pitch() - pitch) <= TOUCH_STEADY_PITCH
                    && Math.abs(f.faceHeight() - height) <= TOUCH_STEADY_SIZE * height;
        }
    }

    private static boolean touching(FrameFeatures f, double[] usual, Pose pose) {
        SkinRing ring = f.skinAroundFace();
        if (!f.frontal() || !ring.read() || !pose.steady(f)) {
            return false;
        }
        for (int s = 0; s < usual.length; s++) {
            if (Double.isNaN(usual[s])) {
                continue;
            }
            double free = Math.max(TOUCH_HEADROOM, 1 - usual[s]);
            if ((ring.sectors()[s] - usual[s]) / free >= TOUCH_FILL) {
                return true;
            }
        }
        return false;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** True when a frame in [from, to] is plainly away, not only a pose read just past the cone's edge. */
    private boolean clearlyAway(int from, int to) {
        for (int k = from; k <= to; k++) {
            FrameFeatures f = frames.get(k);
            double beyond = EyeContact.beyond(f.yaw(), f.pitch());
            if (!f.frontal() && (Double.isNaN(beyond) || beyond <= 1 || beyond >= LOOK_AWAY_CLEAR)) {
                return true;
            }
        }
        return false;
    }

    private Gaze mostly(int from, int to) {
        int[] counts = new int[Gaze.values().length];
        for (int k = from; k <= to; k++) {
            if (!frames.get(k).frontal()) {
                counts[frames.get(k).gaze().ordinal()]++;
            }
        }
        Gaze best = Gaze.OUT_OF_FRAME;
        for (Gaze g : Gaze.values()) {
            if (g != Gaze.CAMERA && counts[g.ordinal()] > counts[best.ordinal()]) {
                best = g;
            }
        }
        return best;
    }

    /** Time between sampled frames (0.25 s at 4 fps). */
    private double step() {
        return frames.size() < 2 ? 0.25 : (frames.get(frames.size() - 1).time() - frames.get(0).time()) / (frames.size() - 1);
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
