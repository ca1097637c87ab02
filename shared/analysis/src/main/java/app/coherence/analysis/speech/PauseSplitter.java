package app.coherence.analysis.speech;

import app.coherence.analysis.vad.VoiceActivity;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a 16 kHz mono stream into chunks at pauses, so each chunk can be recognised on its own.
 *
 * <p>A chunk ends once it is at least {@code minSeconds} long and a pause (quiet 10 ms frames in a
 * row for {@code pauseSeconds}) is heard; the cut goes in the middle of that pause, so no word is
 * split. A chunk that reaches {@code maxSeconds} without a pause is cut at its quietest frame of
 * the last few seconds. "Quiet" is what the voice activity detector calls not speech when there is one
 * (fed the same stream first); without one, it is relative to a slowly decaying peak of the speech level,
 * so a noisy room still has pauses.
 */
final class PauseSplitter {
    private static final int FRAME = 160;              // 10 ms at 16 kHz
    private static final double QUIET_FRACTION = 0.08; // of the recent speech peak (about -22 dB)
    private static final double QUIET_FLOOR = 100;     // RMS in 16-bit units: digital near-silence
    private static final double PEAK_DECAY = 0.9995;   // per frame: the peak halves in about 14 s
    private static final double FALLBACK_SEARCH_SECONDS = 5;

    /** A piece of the stream: its first sample's index in the whole stream, and its samples. */
    record Chunk(long startSample, short[] samples) {
    }

    private final int sampleRate;
    private final int minSamples;
    private final int maxSamples;
    private final int pauseFrames;
    private final Consumer<Chunk> sink;
    private final VoiceActivity activity;

    private final short[] buffer;
    private final double[] frameRms;
    private int length;
    private int framed;
    private long chunkStart;
    private int quietRun;
    private double peak;

    PauseSplitter(int sampleRate, double minSeconds, double maxSeconds, double pauseSeconds, Consumer<Chunk> sink) {
        this(sampleRate, minSeconds, maxSeconds, pauseSeconds, sink, null);
    }

    /** Splits where {@code activity} (fed each sample before this splitter; may be null) hears no speech. */
    PauseSplitter(int sampleRate, double minSeconds, double maxSeconds, double pauseSeconds, Consumer<Chunk> sink,
                  VoiceActivity activity) {
        this.activity = activity;
        this.sampleRate = sampleRate;
        this.minSamples = (int) (minSeconds * sampleRate);
        this.maxSamples = (int) (maxSeconds * sampleRate) / FRAME * FRAME;
        this.pauseFrames = Math.max(1, (int) Math.round(pauseSeconds * sampleRate / FRAME));
        this.sink = sink;
        this.buffer = new short[maxSamples];
        this.frameRms = new double[maxSamples / FRAME];
    }

    void accept(short[] samples, int count) {
        int offset = 0;
        while (offset < count) {
            int n = Math.min(count - offset, maxSamples - length);
            System.arraycopy(samples, offset, buffer, length, n);
            length += n;
            offset += n;
            while (framed + FRAME <= length && judged(framed + FRAME)) {
                int frame = framed / FRAME;
                framed += FRAME;
                onFrame(frame); // may cut, which shifts the buffer and framed
            }
            if (length == maxSamples) {
                cut(quietestFrameNearEnd() * FRAME);
            }
        }
    }

    /** True when the voice activity (if any) has judged the buffer up to {@code end}. */
    private boolean judged(int end) {
        return activity == null || chunkStart + end <= activity.decidedSamples();
    }

    /** Emits whatever is buffered as the last chunk. */
    void flush() {
        if (length > 0) {
            cut(length);
        }
    }

    private void onFrame(int frame) {
        double sum = 0;
        int from = frame * FRAME;
        for (int i = from; i < from + FRAME; i++) {
            sum += (double) buffer[i] * buffer[i];
        }
        double rms = Math.sqrt(sum / FRAME);
        frameRms[frame] = rms;
        peak = Math.max(rms, peak * PEAK_DECAY);
        boolean quiet = activity != null ? activity.quietAt(chunkStart + from + FRAME / 2)
                : rms < Math.max(QUIET_FLOOR, peak * QUIET_FRACTION);
        quietRun = quiet ? quietRun + 1 : 0;
        int end = (frame + 1) * FRAME;
        if (quietRun >= pauseFrames && end - pauseFrames / 2 * FRAME >= minSamples) {
            cut(end - pauseFrames / 2 * FRAME);
        }
    }

    private int quietestFrameNearEnd() {
        int frames = framed / FRAME; // frames not yet judged have no level yet
        int from = Math.max(1, frames - (int) (FALLBACK_SEARCH_SECONDS * sampleRate / FRAME));
        int best = frames;
        double bestRms = Double.MAX_VALUE;
        for (int f = from; f < frames; f++) {
            if (frameRms[f] < bestRms) {
                bestRms = frameRms[f];
                best = f;
            }
        }
        return best;
    }

    /** Emits samples [0, at) and keeps the rest (with its frame levels) as the start of the next chunk. */
    private void cut(int at) {
        sink.accept(new Chunk(chunkStart, Arrays.copyOf(buffer, at)));
        int rest = length - at;
        System.arraycopy(buffer, at, buffer, 0, rest);
        int shiftFrames = at / FRAME;
        int keptFrames = length / FRAME - shiftFrames;
        if (keptFrames > 0) {
            System.arraycopy(frameRms, shiftFrames, frameRms, 0, keptFrames);
        }
        chunkStart += at;
        length = rest;
        framed = Math.max(0, framed - at);
        quietRun = 0;
    }
}
