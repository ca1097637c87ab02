package app.coherence.analysis.testvideo;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import app.coherence.analysis.testvideo.GeneratedTalk.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a talk frame by frame — slide, presenter photo, moving hand — and muxes it with the voice
 * track through javacv's FFmpegFrameRecorder (H.264 + AAC in mp4).
 */
final class TalkRenderer {
    /** Grace Hopper's portrait from Debian's python-matplotlib-data: a real, frontal face. */
    static final Path FACE_PHOTO = Path.of("/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg");
    /** Head and shoulders inside the 512x600 photo, and the face (with cap) inside that crop. */
    private static final Rect PRESENTER_CROP = new Rect(130, 20, 270, 580);
    private static final double FACE_CX = 135.0 / 270;
    private static final double FACE_CY = 215.0 / 580;
    private static final double FACE_RX = 110.0 / 270;
    private static final double FACE_RY = 125.0 / 580;
    private static final int AUDIO_RATE = 44_100;
    private static final Scalar[] SLIDE_COLOURS = {
        new Scalar(170, 110, 40, 0), new Scalar(60, 140, 60, 0), new Scalar(40, 90, 180, 0),
        new Scalar(140, 60, 140, 0), new Scalar(40, 160, 200, 0), new Scalar(120, 120, 120, 0),
    };

    private final GeneratedTalk talk;
    private final List<TalkScript.Slide> slides;
    /** Distinct grain patterns cycled over the frames: more than the encoder's reference frames, so none repeats for it. */
    private static final int GRAIN_PATTERNS = 16;
    private static final double GRAIN_SIGMA = 6;

    private final short[] audio;
    private final boolean camera;

    TalkRenderer(GeneratedTalk talk, List<TalkScript.Slide> slides, short[] audio, boolean camera) {
        this.talk = talk;
        this.slides = slides;
        this.audio = audio;
        this.camera = camera;
    }

    void write() {
        if (talk.hasVideo() && !Files.isReadable(FACE_PHOTO)) {
            throw new IllegalStateException("face photo " + FACE_PHOTO + " missing: apt-get install python-matplotlib-data");
        }
        try {
            Files.createDirectories(talk.file().toAbsolutePath().getParent());
            if (talk.hasVideo()) {
                writeWithVideo();
            } else {
                writeAudioOnly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + talk.file(), e);
        }
    }

    private FFmpegFrameRecorder recorder(int width, int height, int channels) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(talk.file().toFile(), width, height, channels);
        r.setFormat("mp4");
        if (width > 0) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(talk.fps());
            r.setGopSize((int) Math.round(talk.fps() * 2));
            r.setVideoBitrate((int) (width * height * (camera ? 5.5 : 2)));
        }
        if (channels > 0) {
            r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            r.setSampleRate(AUDIO_RATE);
            r.setAudioBitrate(64_000);
        }
        return r;
    }

    private void writeAudioOnly() throws FrameRecorder.Exception {
        try (FFmpegFrameRecorder r = recorder(0, 0, 1)) {
            r.start();
            for (int from = 0; from < audio.length; from += 4096) {
                recordAudio(r, from, Math.min(audio.length, from + 4096));
            }
            r.stop();
        }
    }

    private void writeWithVideo() throws FrameRecorder.Exception {
        int w = talk.width();
        int h = talk.height();
        int frames = (int) Math.ceil(talk.durationSeconds() * talk.fps());
        Mat photo = imread(FACE_PHOTO.toString());
        Mat crop = new Mat(photo, PRESENTER_CROP);
        int ph = (int) (h * 0.8);
        int pw = (int) Math.round(ph * (double) PRESENTER_CROP.width() / PRESENTER_CROP.height());
        Mat presenter = new Mat();
        resize(crop, presenter, new Size(pw, ph), 0, 0, INTER_AREA);
        Rect place = new Rect((w - pw) / 2, h - ph, pw, ph);
        Mat canvas = new Mat(h, w, CV_8UC3);
        List<Mat> grain = camera ? grain(w, h) : List.of();
        try (FFmpegFrameRecorder r = recorder(w, h, talk.hasAudio() ? 1 : 0);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            r.start();
            for (int i = 0; i < frames; i++) {
                double t = i / talk.fps();
                drawSlide(canvas, t);
                if (!inAny(talk.faceAbsent(), t)) {
                    presenter.copyTo(new Mat(canvas, place));
                    if (inAny(talk.faceTurnedAway(), t)) {
                        drawBackOfHead(canvas, place);
                    }
                }
                for (Span g : talk.gestures()) {
                    if (g.contains(t)) {
                        drawHand(canvas, place, (t - g.start()) / g.seconds());
                    }
                }
                if (camera) {
                    add(canvas, grain.get(i % grain.size()), canvas, new Mat(), CV_8U);
                }
                r.record(converter.convert(canvas), avutil.AV_PIX_FMT_BGR24);
                if (talk.hasAudio()) {
                    int from = (int) Math.round(i / talk.fps() * Festival.SAMPLE_RATE);
                    int to = Math.min(audio.length, (int) Math.round((i + 1) / talk.fps() * Festival.SAMPLE_RATE));
                    if (to > from) {
                        recordAudio(r, from, to);
                    }
                }
            }
            r.stop();
        } finally {
            grain.forEach(Mat::close);
            canvas.close();
            presenter.close();
            crop.close();
            photo.close();
        }
    }

    /** Gaussian sensor noise (signed, per channel), seeded so a regenerated talk is the same file. */
    private static List<Mat> grain(int w, int h) {
        Random random = new Random(42);
        List<Mat> patterns = new ArrayList<>();
        short[] values = new short[w * h * 3];
        for (int p = 0; p < GRAIN_PATTERNS; p++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (short) Math.round(random.nextGaussian() * GRAIN_SIGMA);
            }
            Mat noise = new Mat(h, w, CV_16SC3);
            ((ShortBuffer) noise.createBuffer()).put(values);
            patterns.add(noise);
        }
        return patterns;
    }

    private void recordAudio(FFmpegFrameRecorder r, int from, int to) throws FrameRecorder.Exception {
        // 16 kHz in, 44.1 kHz AAC out: the recorder resamples, as a real camera's track would need decoding back
        r.recordSamples(Festival.SAMPLE_RATE, 1, ShortBuffer.wrap(audio, from, to - from));
    }

    private void drawSlide(Mat canvas, double t) {
        int index = 0;
        for (int i = 0; i < slides.size(); i++) {
            if (slides.get(i).time() <= t) {
                index = i;
            }
        }
        int w = canvas.cols();
        int h = canvas.rows();
        canvas.put(SLIDE_COLOURS[index % SLIDE_COLOURS.length]);
        double scale = h / 400.0;
        putText(canvas, slides.get(index).title(), new Point((int) (12 * scale), (int) (40 * scale)),
                FONT_HERSHEY_SIMPLEX, 1.1 * scale, new Scalar(255, 255, 255, 0), Math.max(1, (int) (2 * scale)), LINE_AA, false);
        // a small bar chart on the left and a marker on the right, different on every slide
        Scalar ink = new Scalar(240, 240, 240, 0);
        for (int b = 0; b < 4; b++) {
            int bh = (int) ((40 + ((index * 37 + b * 53) % 120)) * scale);
            int x = (int) ((15 + b * 22) * scale);
            rectangle(canvas, new Point(x, h - (int) (20 * scale) - bh), new Point(x + (int) (16 * scale), h - (int) (20 * scale)),
                    ink, -1, LINE_AA, 0);
        }
        circle(canvas, new Point(w - (int) (50 * scale), (int) ((90 + index * 25 % 150) * scale)), (int) (25 * scale),
                new Scalar(30, 30, 30, 0), -1, LINE_AA, 0);
    }

    private static void drawBackOfHead(Mat canvas, Rect place) {
        Point centre = new Point(place.x() + (int) (FACE_CX * place.width()), place.y() + (int) (FACE_CY * place.height()));
        Size axes = new Size((int) (FACE_RX * place.width()), (int) (FACE_RY * place.height()));
        ellipse(canvas, centre, axes, 0, 0, 360, new Scalar(150, 155, 160, 0), -1, LINE_AA, 0);
    }

    /** An arm and hand rising beside the body and waving twice over the gesture. */
    private static void drawHand(Mat canvas, Rect place, double progress) {
        int shoulderX = place.x() + (int) (place.width() * 0.85);
        int shoulderY = place.y() + (int) (place.height() * 0.62);
        double lift = Math.sin(Math.PI * progress);
        int handX = shoulderX + (int) (place.width() * (0.35 + 0.15 * Math.sin(4 * Math.PI * progress)));
        int handY = canvas.rows() - (int) (lift * place.height() * 0.55) - 5;
        int thickness = Math.max(4, place.width() / 9);
        line(canvas, new Point(shoulderX, shoulderY), new Point(handX, handY), new Scalar(40, 30, 30, 0), thickness, LINE_AA, 0);
        ellipse(canvas, new Point(handX, handY), new Size(thickness, (int) (thickness * 1.3)), 0, 0, 360,
                new Scalar(140, 170, 220, 0), -1, LINE_AA, 0);
    }

    private static boolean inAny(List<Span> spans, double t) {
        for (Span s : spans) {
            if (s.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
