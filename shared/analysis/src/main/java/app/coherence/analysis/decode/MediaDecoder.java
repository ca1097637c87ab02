package app.coherence.analysis.decode;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a file once, streaming: the audio track (resampled to 16 kHz mono) on the calling thread and
 * the video track on a second thread, each stream decoded exactly once. Only the sampled frames are
 * converted (scaled to the vision width); every other frame is decoded and dropped, so memory does not
 * grow with the video's length.
 */
public final class MediaDecoder {
    public static final int SAMPLE_RATE = 16_000;

    private final AnalysisSettings settings;

    public MediaDecoder(AnalysisSettings settings) {
        this.settings = settings;
    }

    /**
     * Streams {@code file} into the sinks; {@code progress} receives the decoded time in seconds (the
     * slower of the two streams). Throws {@link MediaRejectedException} if the file turns out damaged or
     * too long or short.
     */
    public DecodedMedia decode(Path file, MediaInfo info, AudioSink audio, FrameSink frames, DoubleConsumer progress) {
        AtomicLong audioMicros = new AtomicLong();
        AtomicLong videoMicros = new AtomicLong();
        AtomicReference<Throwable> videoFailure = new AtomicReference<>();
        int[] videoCounts = new int[2];
        Thread video = new Thread(() -> {
            try {
                decodeVideo(file, info, frames, videoMicros, videoCounts);
            } catch (Throwable e) {
                videoFailure.set(e);
            }
        }, "decode-video");
        video.setDaemon(true);
        video.start();
        long audioEnd;
        try {
            audioEnd = decodeAudio(file, audio, audioMicros, videoMicros, progress);
            while (video.isAlive()) {
                video.join(200);
                progress.accept(Math.min(audioMicros.get(), videoMicros.get()) / 1e6);
            }
        } catch (InterruptedException e) {
            stop(video);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (RuntimeException e) {
            // a rejection, a failing sink, or a progress listener cancelling the attempt: the video thread stops too
            stop(video);
            throw e;
        }
        if (videoFailure.get() != null) {
            Throwable e = videoFailure.get();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("video decoding failed: " + e, e);
        }
        double audioSeconds = audioEnd / 1e6;
        double videoSeconds = videoMicros.get() / 1e6;
        double duration = Math.max(audioSeconds, videoSeconds);
        if (info.durationSeconds() > 0 && duration < info.durationSeconds() * 0.9 - 1) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, String.format(
                    "the file is damaged: only %.1f s of its %.1f s could be decoded", duration, info.durationSeconds()));
        }
        if (duration < settings.minSeconds()) {
            throw new MediaProbe(settings).tooShort(duration);
        }
        progress.accept(duration);
        return new DecodedMedia(duration, audioSeconds, videoCounts[0], videoCounts[1]);
    }

    private long decodeAudio(Path file, AudioSink sink, AtomicLong audioMicros, AtomicLong videoMicros, DoubleConsumer progress) {
        long samplesOut = 0;
        long lastReport = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleRate(SAMPLE_RATE);
            g.setAudioChannels(1);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            Frame f;
            while ((f = g.grabSamples()) != null) {
                if (f.samples == null || f.samples.length == 0) {
                    continue;
                }
                ShortBuffer buffer = (ShortBuffer) f.samples[0];
                int n = buffer.remaining();
                if (n == 0) {
                    continue;
                }
                short[] samples = new short[n];
                buffer.get(samples);
                double start = (double) samplesOut / SAMPLE_RATE;
                samplesOut += n;
                long micros = samplesOut * 1_000_000L / SAMPLE_RATE;
                if (micros / 1e6 > settings.maxSeconds()) {
                    throw new MediaProbe(settings).tooLong(micros / 1e6);
                }
                sink.accept(samples, start);
                audioMicros.set(micros);
                if (micros - lastReport > 1_000_000) {
                    lastReport = micros;
                    progress.accept(Math.min(micros, videoMicros.get()) / 1e6);
                }
            }
            g.stop();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "the audio track cannot be decoded (damaged file)");
        }
        audioMicros.set(Long.MAX_VALUE); // the audio is done: progress now follows the video alone
        return samplesOut * 1_000_000L / SAMPLE_RATE;
    }

    private void decodeVideo(Path file, MediaInfo info, FrameSink sink, AtomicLong videoMicros, int[] counts) {
        int width = Math.min(settings.frameWidth(), info.width());
        int height = Math.max(2, (int) Math.round((double) info.height() * width / info.width()) / 2 * 2);
        long sampleEvery = Math.round(1_000_000 / settings.framesPerSecond());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                Mat upright = new Mat()) {
            g.setImageWidth(width);
            g.setImageHeight(height);
            g.setImageScalingFlags(swscale.SWS_AREA);
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            // the deblocking filter smooths 8-pixel block edges for viewers; at the vision width they shrink
            // below a pixel, and skipping it saves about a sixth of the decoding CPU
            g.setVideoOption("skip_loop_filter", "all");
            g.start();
            // phones store portrait video as landscape pixels plus a display rotation: turn the frames upright
            int quarterTurns = Math.floorMod((int) Math.round(-g.getDisplayRotation() / 90), 4);
            long frameStep = Math.round(1_000_000 / info.frameRate());
            long nextSample = 0;
            long last = -frameStep;
            boolean convert = true;
            Frame f;
            while ((f = g.grabFrame(false, true, convert, false, false)) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (f.image == null) {
                    continue;
                }
                long ts = Math.max(0, f.timestamp);
                counts[0]++;
                if (convert && ts + frameStep / 2 >= nextSample) {
                    counts[1]++;
                    sink.accept(ts / 1e6, upright(converter.convert(f), quarterTurns, upright));
                    nextSample += sampleEvery;
                    while (nextSample <= ts) {
                        nextSample += sampleEvery;
                    }
                }
                if (ts / 1e6 > settings.maxSeconds()) {
                    throw new MediaProbe(settings).tooLong(ts / 1e6);
                }
                last = ts;
                videoMicros.set(ts);
                // convert (scale to BGR) only the frame expected to reach the next sample time
                convert = last + frameStep + frameStep / 2 >= nextSample;
            }
            videoMicros.set(last + frameStep);
            g.stop();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "the video track cannot be decoded (damaged file)");
        }
    }

    /** {@code frame} turned clockwise by {@code quarterTurns} quarter turns (into {@code out}), or itself. */
    private static Mat upright(Mat frame, int quarterTurns, Mat out) {
        if (quarterTurns == 0) {
            return frame;
        }
        opencv_core.rotate(frame, out, quarterTurns == 1 ? opencv_core.ROTATE_90_CLOCKWISE
                : quarterTurns == 2 ? opencv_core.ROTATE_180 : opencv_core.ROTATE_90_COUNTERCLOCKWISE);
        return out;
    }

    private static void stop(Thread t) {
        t.interrupt();
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
