package app.coherence.analysis.decode;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Small synthetic videos made with javacv's recorder for decode tests: 320x240 at 10 fps, a plain
 * "slide" whose colour changes at given times with a small square drifting on it, and a tone.
 */
public final class Clips {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    private static final Scalar[] COLOURS = {new Scalar(170, 110, 40, 0), new Scalar(60, 140, 60, 0), new Scalar(40, 90, 180, 0)};

    private Clips() {
    }

    /** Writes a clip; {@code format} "mp4", "mov", "matroska", "webm" (VP8 + Opus); toneHz 0 = silence; audio/video may be left out. */
    public static Path write(Path file, String format, double seconds, boolean video, boolean audio, double toneHz,
                             List<Double> slideChanges) {
        return write(file, format, seconds, video, audio, toneHz, slideChanges, 0);
    }

    /** As above, with a display rotation in the container (as phones record portrait video) and a white mark top left. */
    public static Path write(Path file, String format, double seconds, boolean video, boolean audio, double toneHz,
                             List<Double> slideChanges, double displayRotation) {
        return write(file, format, seconds, WIDTH, HEIGHT, audio, toneHz, slideChanges, displayRotation, video);
    }

    /** A clip of {@code width}x{@code height} pixels (always with picture) and a tone. */
    public static Path sized(Path file, double seconds, int width, int height) {
        return write(file, "mp4", seconds, width, height, true, 220, List.of(), 0, true);
    }

    private static Path write(Path file, String format, double seconds, int width, int height, boolean audio, double toneHz,
                              List<Double> slideChanges, double displayRotation, boolean video) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            int rate = 16_000;
            double fps = 10;
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), video ? width : 0, video ? height : 0, audio ? 1 : 0);
                    OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                    Mat canvas = new Mat(height, width, CV_8UC3)) {
                r.setFormat(format);
                boolean webm = format.equals("webm");
                if (video) {
                    r.setVideoCodec(webm ? avcodec.AV_CODEC_ID_VP8 : avcodec.AV_CODEC_ID_H264);
                    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                    r.setFrameRate(fps);
                    r.setGopSize(20);
                }
                if (audio) {
                    r.setAudioCodec(webm ? avcodec.AV_CODEC_ID_OPUS : avcodec.AV_CODEC_ID_AAC);
                    r.setSampleRate(webm ? 48_000 : 44_100);
                    r.setAudioBitrate(64_000);
                }
                if (displayRotation != 0) {
                    r.setDisplayRotation(displayRotation);
                }
                r.start();
                int frames = (int) Math.round(seconds * fps);
                for (int i = 0; i < frames; i++) {
                    double t = i / fps;
                    if (video) {
                        int slide = (int) slideChanges.stream().filter(c -> c <= t).count();
                        canvas.put(COLOURS[slide % COLOURS.length]);
                        int x = 20 + (int) (t * 4) % 40;
                        rectangle(canvas, new Point(x, 100), new Point(x + 12, 112), new Scalar(255, 255, 255, 0), -1, 8, 0);
                        rectangle(canvas, new Point(0, 0), new Point(40, 40), new Scalar(255, 255, 255, 0), -1, 8, 0);
                        r.record(converter.convert(canvas), avutil.AV_PIX_FMT_BGR24);
                    }
                    if (audio) {
                        short[] samples = new short[(int) (rate / fps)];
                        for (int k = 0; k < samples.length; k++) {
                            double time = t + (double) k / rate;
                            samples[k] = (short) (toneHz <= 0 ? 0 : 6000 * Math.sin(2 * Math.PI * toneHz * time));
                        }
                        r.recordSamples(rate, 1, ShortBuffer.wrap(samples));
                    }
                }
                r.stop();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 6 s mp4 with picture and a 220 Hz tone. */
    public static Path plain(Path dir) {
        return write(dir.resolve("plain.mp4"), "mp4", 6, true, true, 220, List.of());
    }
}
