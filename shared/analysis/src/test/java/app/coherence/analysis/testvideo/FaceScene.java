package app.coherence.analysis.testvideo;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A video of one face (its sound track silent) with scripted head turns, tips, nods, hands over the face and absences,
 * in one of three layouts, and its truth. The head moves by warping the photo ({@link HeadWarp}), so
 * the pipeline sees a real face turn rather than a shape drawn for it.
 *
 * <pre>
 * SceneTruth truth = new FaceScene(FacePhoto.GRACE_HOPPER, FaceScene.Layout.OVERLAY, 30)
 *         .turn(5, 7.5, "down", 35).touch(12, 16).absent(20, 22).render(dir.resolve("scene.mp4"));
 * </pre>
 */
public final class FaceScene {
    /** Where the face sits in the picture. */
    public enum Layout {
        /** A webcam on the speaker: the face about 0.4 of the frame high, in the middle. */
        WEBCAM,
        /** The speaker to the left third of the picture, the face 0.35 high. */
        OFF_CENTRE,
        /** Slides with the speaker's webcam in the bottom-right corner: the face a twelfth of the frame high. */
        OVERLAY
    }

    /**
     * Beyond this many degrees of warp the scripted head faces away. The sphere warp turns a face less than
     * a real head turn of the same angle (a 40 degree warp reads as about 25 degrees), so scripts turn 45-50.
     */
    static final double AWAY_DEGREES = 20;
    /** Seconds a turn takes to reach its angle, and to come back. */
    private static final double RAMP = 0.25;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final double FPS = 10;

    private final FacePhoto photo;
    private final Layout layout;
    private final double seconds;
    private final List<Turn> turns = new ArrayList<>();
    private final List<SceneTruth.Mark> touches = new ArrayList<>();
    private final List<SceneTruth.Mark> absences = new ArrayList<>();
    private final List<double[]> nods = new ArrayList<>();

    private record Turn(double start, double end, String direction, double degrees) {
    }

    public FaceScene(FacePhoto photo, Layout layout, double seconds) {
        this.photo = photo;
        this.layout = layout;
        this.seconds = seconds;
    }

    /** The head turns ({@code left}, {@code right}: as seen in the picture) or tips ({@code down}, {@code up}) by {@code degrees}. */
    public FaceScene turn(double start, double end, String direction, double degrees) {
        if (!List.of("left", "right", "up", "down").contains(direction)) {
            throw new IllegalArgumentException("direction " + direction);
        }
        turns.add(new Turn(start, end, direction, degrees));
        return this;
    }

    /** Small nods while talking (8 degrees, about once a second): still facing the camera. */
    public FaceScene nods(double start, double end) {
        nods.add(new double[] {start, end});
        return this;
    }

    /** A hand held at the chin and cheek. */
    public FaceScene touch(double start, double end) {
        touches.add(new SceneTruth.Mark(start, end, "hand at the face"));
        return this;
    }

    /** The speaker leaves the picture. */
    public FaceScene absent(double start, double end) {
        absences.add(new SceneTruth.Mark(start, end, "out-of-frame"));
        return this;
    }

    /** Writes the video (H.264 in mp4, 640x360, 10 fps, a silent sound track) and returns its truth. */
    public SceneTruth render(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int[] face = photo.face();
        double side = face[2] * 2.6;
        int presenterSide = switch (layout) {
            case WEBCAM -> (int) Math.round(HEIGHT * 0.40 * 2.6);
            case OFF_CENTRE -> (int) Math.round(HEIGHT * 0.35 * 2.6);
            case OVERLAY -> (int) Math.round(HEIGHT / 12.0 * 2.6);
        };
        double faceCx = switch (layout) {
            case WEBCAM -> WIDTH / 2.0;
            case OFF_CENTRE -> WIDTH * 0.27;
            case OVERLAY -> WIDTH - presenterSide / 2.0 - 12;
        };
        double faceCy = layout == Layout.OVERLAY ? HEIGHT - presenterSide / 2.0 - 12 : HEIGHT * 0.45;
        Map<String, Mat> warped = new HashMap<>();
        try (Mat picture = photo.picture(); Mat presenter = cropAround(picture, face[0], face[1], side, presenterSide);
                Mat canvas = new Mat(HEIGHT, WIDTH, CV_8UC3);
                FFmpegFrameRecorder r = SilentVideo.recorder(file, WIDTH, HEIGHT, FPS);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            Scalar skin = skin(presenter);
            r.start();
            int frames = (int) Math.ceil(seconds * FPS);
            for (int i = 0; i < frames; i++) {
                double t = i / FPS;
                background(canvas, t);
                if (!in(absences, t)) {
                    double[] pose = pose(t);
                    String key = Math.round(pose[0]) + "/" + Math.round(pose[1]);
                    Mat head = warped.computeIfAbsent(key, k -> HeadWarp.turn(presenter, presenterSide / 2.0, presenterSide / 2.0,
                            presenterSide / 2.6 * 0.75, Math.round(pose[0]), Math.round(pose[1])));
                    paste(canvas, head, (int) Math.round(faceCx - presenterSide / 2.0), (int) Math.round(faceCy - presenterSide / 2.0));
                    if (in(touches, t)) {
                        hand(canvas, faceCx, faceCy, presenterSide / 2.6, skin);
                    }
                }
                SilentVideo.record(r, converter.convert(canvas), FPS);
            }
            r.stop();
        } finally {
            warped.values().forEach(Mat::close);
        }
        return truth();
    }

    /** What a person watching the scene would mark: look-aways (turns past the cone, absences), touches, eye contact. */
    private SceneTruth truth() {
        List<SceneTruth.Mark> away = new ArrayList<>();
        for (Turn t : turns) {
            if (t.degrees() > AWAY_DEGREES) {
                away.add(new SceneTruth.Mark(t.start(), t.end(), t.direction()));
            }
        }
        away.addAll(absences);
        away.sort((a, b) -> Double.compare(a.start(), b.start()));
        int n = 0;
        int facing = 0;
        for (double t = 0; t < seconds; t += 0.05, n++) {
            double[] pose = pose(t);
            boolean present = !in(absences, t);
            if (present && Math.abs(pose[0]) <= AWAY_DEGREES && Math.abs(pose[1]) <= AWAY_DEGREES) {
                facing++;
            }
        }
        return new SceneTruth(photo.name().toLowerCase() + "/" + layout.name().toLowerCase(), seconds, List.copyOf(away),
                List.copyOf(touches), Math.round(1000.0 * facing / n) / 10.0, photo.smiling(), layout == Layout.OVERLAY);
    }

    /** {yaw, pitch} in degrees at time t. */
    private double[] pose(double t) {
        double yaw = 0;
        double pitch = 0;
        for (Turn turn : turns) {
            double k = Math.min(1, Math.min((t - turn.start()) / RAMP, (turn.end() - t) / RAMP));
            if (k > 0) {
                switch (turn.direction()) {
                    case "left" -> yaw -= turn.degrees() * k;
                    case "right" -> yaw += turn.degrees() * k;
                    case "down" -> pitch += turn.degrees() * k;
                    default -> pitch -= turn.degrees() * k;
                }
            }
        }
        for (double[] nod : nods) {
            if (t >= nod[0] && t < nod[1]) {
                pitch += 8 * Math.sin(2 * Math.PI * 0.9 * (t - nod[0]));
            }
        }
        return new double[] {yaw, pitch};
    }

    private void background(Mat canvas, double t) {
        if (layout != Layout.OVERLAY) {
            canvas.put(new Scalar(150, 165, 175, 0)); // a plain wall
            return;
        }
        int slide = (int) (t / 12);
        Scalar[] colours = {new Scalar(170, 110, 40, 0), new Scalar(60, 140, 60, 0), new Scalar(40, 90, 180, 0)};
        canvas.put(colours[slide % colours.length]);
        putText(canvas, "Slide " + (slide + 1) + ": results", new Point(20, 50), FONT_HERSHEY_SIMPLEX, 1.2,
                new Scalar(255, 255, 255, 0), 2, LINE_AA, false);
        for (int b = 0; b < 5; b++) {
            int bh = 40 + (slide * 37 + b * 53) % 150;
            rectangle(canvas, new Point(40 + b * 60, HEIGHT - 30 - bh), new Point(80 + b * 60, HEIGHT - 30),
                    new Scalar(240, 240, 240, 0), -1, LINE_AA, 0);
        }
    }

    /** A square {@code side} around the face, scaled to {@code size} (edges replicated where it leaves the picture). */
    private static Mat cropAround(Mat picture, int cx, int cy, double side, int size) {
        int half = (int) Math.round(side / 2);
        int pad = half + 2;
        try (Mat padded = new Mat()) {
            copyMakeBorder(picture, padded, pad, pad, pad, pad, BORDER_REPLICATE);
            try (Mat square = new Mat(padded, new Rect(cx + pad - half, cy + pad - half, 2 * half, 2 * half))) {
                Mat out = new Mat();
                resize(square, out, new Size(size, size), 0, 0, INTER_AREA);
                return out;
            }
        }
    }

    private static void paste(Mat canvas, Mat head, int x, int y) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(canvas.cols(), x + head.cols());
        int y1 = Math.min(canvas.rows(), y + head.rows());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        try (Mat from = new Mat(head, new Rect(x0 - x, y0 - y, x1 - x0, y1 - y0)); Mat to = new Mat(canvas, new Rect(x0, y0, x1 - x0, y1 - y0))) {
            from.copyTo(to);
        }
    }

    /** The face's own colour, for the hand: the mean of a patch at the middle of the face. */
    private static Scalar skin(Mat presenter) {
        int s = presenter.cols();
        int patch = Math.max(2, s / 16);
        try (Mat cheek = new Mat(presenter, new Rect(s / 2 - patch, s / 2 - patch / 2 + s / 20, 2 * patch, patch))) {
            return mean(cheek);
        }
    }

    /** A hand under the chin, fingers up over one cheek and the jaw, the forearm going down out of the picture. */
    private static void hand(Mat canvas, double cx, double cy, double faceSize, Scalar skin) {
        double palmX = cx + faceSize * 0.12;
        double palmY = cy + faceSize * 0.55;
        int arm = (int) Math.max(3, faceSize * 0.34);
        line(canvas, new Point((int) palmX, (int) palmY), new Point((int) (palmX + faceSize * 0.25), (int) (cy + faceSize * 2.2)),
                new Scalar(90, 40, 30, 0), arm, LINE_AA, 0);
        ellipse(canvas, new Point((int) palmX, (int) palmY), new Size((int) Math.max(2, faceSize * 0.3), (int) Math.max(2, faceSize * 0.22)),
                -10, 0, 360, skin, -1, LINE_AA, 0);
        for (int f = 0; f < 4; f++) {
            double fx = palmX + faceSize * (0.02 + 0.08 * f);
            line(canvas, new Point((int) fx, (int) (palmY - faceSize * 0.1)),
                    new Point((int) (fx + faceSize * 0.04), (int) (palmY - faceSize * (0.5 - 0.05 * Math.abs(f - 1.5)))),
                    skin, (int) Math.max(2, faceSize * 0.08), LINE_AA, 0);
        }
    }

    private static boolean in(List<SceneTruth.Mark> marks, double t) {
        return marks.stream().anyMatch(m -> t >= m.start() && t < m.end());
    }
}
