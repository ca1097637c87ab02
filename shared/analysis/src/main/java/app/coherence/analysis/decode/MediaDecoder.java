package app.coherence.analysis.decode;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.analysis.TimeSpan;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
    /** Audio frames follow each other without gaps; a jump this long means frames were lost to damage. */
    private static final long AUDIO_GAP_MICROS = 250_000;
    /** Variable-frame-rate video may hold a still picture for a while, but not this long unless frames were lost. */
    private static final long VIDEO_GAP_MICROS = 2_000_000;
    /** More damage than this share of the talk leaves too little to coach: the file is rejected instead. */
    private static final double MAX_DAMAGED_SHARE = 0.5;
    /**
     * Up to this many pixels a second (720p at 30 fps) one decoding thread keeps up with the recogniser and
     * vision on the other core, and FFmpeg's frame threads would only add about a tenth more decoding CPU;
     * above it, decoding is the longest chain of the analysis, so it gets frame threads.
     */
    static final double ONE_THREAD_PIXELS_PER_SECOND = 1280 * 720 * 30.0;

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
        List<TimeSpan> audioDamage = new ArrayList<>();
        List<TimeSpan> videoDamage = Collections.synchronizedList(new ArrayList<>());
        Thread video = new Thread(() -> {
            try {
                decodeVideo(file, info, frames, videoMicros, videoCounts, videoDamage);
            } catch (Throwable e) {
                videoFailure.set(e);
            }
        }, "decode-video");
        video.setDaemon(true);
        video.start();
        long audioEnd;
        try {
            audioEnd = decodeAudio(file, audio, audioMicros, videoMicros, progress, audioDamage);
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
        List<TimeSpan> damaged = merged(audioDamage, videoDamage);
        double damagedSeconds = damaged.stream().mapToDouble(TimeSpan::seconds).sum();
        if (damagedSeconds > duration * MAX_DAMAGED_SHARE) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, String.format(
                    "the file is damaged: %.1f s of its %.1f s cannot be decoded", damagedSeconds, duration));
        }
        progress.accept(duration);
        return new DecodedMedia(duration, audioSeconds, videoCounts[0], videoCounts[1], damaged);
    }

    private long decodeAudio(Path file, AudioSink sink, AtomicLong audioMicros, AtomicLong videoMicros, DoubleConsumer progress,
                             List<TimeSpan> damaged) {
        long samplesOut = 0;
        long lastReport = 0;
        long firstTimestamp = Long.MIN_VALUE;
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
                if (firstTimestamp == Long.MIN_VALUE) {
                    firstTimestamp = f.timestamp;
                }
                long lost = f.timestamp - firstTimestamp - samplesOut * 1_000_000L / SAMPLE_RATE;
                if (lost > AUDIO_GAP_MICROS) {
                    // frames were lost to damage: silence in their place keeps every later word at its true time
                    double from = (double) samplesOut / SAMPLE_RATE;
                    samplesOut += silence(sink, lost * SAMPLE_RATE / 1_000_000L, samplesOut);
                    damaged.add(new TimeSpan(from, (double) samplesOut / SAMPLE_RATE));
                    if (samplesOut / SAMPLE_RATE > settings.maxSeconds()) {
                        throw new MediaProbe(settings).tooLong((double) samplesOut / SAMPLE_RATE);
                    }
                }
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
        } catch (RuntimeException e) {
            throw MediaFailures.classify(e, "audio");
        }
        audioMicros.set(Long.MAX_VALUE); // the audio is done: progress now follows the video alone
        return samplesOut * 1_000_000L / SAMPLE_RATE;
    }

    /** Feeds {@code count} samples of silence to the sink from sample {@code at}; returns {@code count}. */
    private static long silence(AudioSink sink, long count, long at) {
        short[] second = new short[SAMPLE_RATE];
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(second.length, count - done);
            sink.accept(n == second.length ? second : java.util.Arrays.copyOf(second, n), (double) (at + done) / SAMPLE_RATE);
            done += n;
        }
        return count;
    }

    /** The stretches of either list, overlapping ones joined, in time order. */
    static List<TimeSpan> merged(List<TimeSpan> a, List<TimeSpan> b) {
        List<TimeSpan> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingDouble(TimeSpan::start));
        List<TimeSpan> out = new ArrayList<>();
        for (TimeSpan span : all) {
            TimeSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && span.start() <= last.end()) {
                out.set(out.size() - 1, new TimeSpan(last.start(), Math.max(last.end(), span.end())));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    private void decodeVideo(Path file, MediaInfo info, FrameSink sink, AtomicLong videoMicros, int[] counts,
                             List<TimeSpan> damaged) {
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
            g.setVideoOption("threads", decodingThreads(info));
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
                if (last >= 0 && ts - last > VIDEO_GAP_MICROS) {
                    damaged.add(new TimeSpan((last + frameStep) / 1e6, ts / 1e6));
                }
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
        } catch (RuntimeException e) {
            throw MediaFailures.classify(e, "video");
        }
    }

    /** FFmpeg's "threads" option for this video: one, or as many as FFmpeg sees fit ("0") for a heavy one. */
    static String decodingThreads(MediaInfo info) {
        double pixelsPerSecond = (double) info.width() * info.height() * info.frameRate();
        return pixelsPerSecond > 0 && pixelsPerSecond <= ONE_THREAD_PIXELS_PER_SECOND ? "1" : "0";
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
