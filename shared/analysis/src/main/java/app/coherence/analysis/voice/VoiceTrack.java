package app.coherence.analysis.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The whole talk's sound, one {@link VoiceFrame} per hop, with the speaker's own speech threshold. */
public final class VoiceTrack {
    private final List<VoiceFrame> frames;
    private final double hopSeconds;
    private final double speechThresholdDb;

    public VoiceTrack(List<VoiceFrame> frames, double hopSeconds) {
        this.frames = frames;
        this.hopSeconds = hopSeconds;
        double[] levels = frames.stream().mapToDouble(VoiceFrame::loudnessDb).toArray();
        // speech is 12 dB over the room's quietest tenth (or 6 dB under the median level when the talk
        // never falls silent), and never below -55 dBFS, so a silent track has no speech at all
        this.speechThresholdDb = levels.length == 0 ? -55
                : Math.max(Math.min(percentile(levels, 10) + 12, percentile(levels, 50) - 6), -55);
    }

    public List<VoiceFrame> frames() {
        return frames;
    }

    public double hopSeconds() {
        return hopSeconds;
    }

    public double speechThresholdDb() {
        return speechThresholdDb;
    }

    public boolean isSpeech(VoiceFrame f) {
        return f.loudnessDb() > speechThresholdDb;
    }

    /** Frames whose start lies in [from, to). */
    public List<VoiceFrame> between(double from, double to) {
        int a = Math.max(0, (int) Math.floor(from / hopSeconds));
        int b = Math.min(frames.size(), (int) Math.ceil(to / hopSeconds));
        return a >= b ? List.of() : frames.subList(a, b);
    }

    /** Mean loudness (dB) of the speech frames in [from, to); NaN when there are none. */
    public double speechLoudness(double from, double to) {
        return between(from, to).stream().filter(this::isSpeech).mapToDouble(VoiceFrame::loudnessDb).average().orElse(Double.NaN);
    }

    /** Pitch span (p90 - p10, semitones) of the voiced frames in [from, to); NaN with fewer than 3. */
    public double pitchSpan(double from, double to) {
        double[] st = between(from, to).stream().filter(VoiceFrame::voiced).mapToDouble(VoiceFrame::semitones).toArray();
        return st.length < 3 ? Double.NaN : percentile(st, 90) - percentile(st, 10);
    }

    /** Semitones of every voiced speech frame, in time order. */
    public double[] voicedSemitones() {
        List<Double> out = new ArrayList<>();
        for (VoiceFrame f : frames) {
            if (f.voiced() && isSpeech(f)) {
                out.add(f.semitones());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The p-th percentile (0-100) by linear interpolation; NaN for no values. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
