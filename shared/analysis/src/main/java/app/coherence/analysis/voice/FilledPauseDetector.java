package app.coherence.analysis.voice;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds sounds shaped like "um"/"uh" in the voice alone: voiced speech whose pitch holds steady and
 * whose spectrum hardly changes for 250-1500 ms; one that ends in a nasal hum is an "um". Recognisers
 * often drop or mishear these, so they are merged with the transcript's fillers later (only where no
 * real word was spoken).
 */
public final class FilledPauseDetector {
    static final double MIN_SECONDS = 0.25;
    static final double MAX_SECONDS = 1.5;
    /** Largest pitch step between neighbouring frames, and largest drift from the run's start, in semitones. */
    static final double MAX_STEP = 0.6;
    static final double MAX_DRIFT = 1.0;
    /** A held vowel's median spectral change per 50 ms; ordinary speech changes about three times more. */
    static final double MAX_MEDIAN_CHANGE = 0.04;
    /** Any one frame may change this much (the "m" closing an "um"). */
    static final double MAX_FRAME_CHANGE = 0.2;
    /** An "um": its last third at most this bright, relative to its first half (the lips closed on a hum). */
    static final double NASAL_BRIGHTNESS_RATIO = 0.5;

    public List<FilledPause> detect(VoiceTrack track) {
        List<VoiceFrame> frames = track.frames();
        double hop = track.hopSeconds();
        List<FilledPause> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            if (!steady(track, frames.get(i), null)) {
                i++;
                continue;
            }
            double anchor = frames.get(i).semitones();
            int j = i + 1;
            while (j < frames.size() && steady(track, frames.get(j), frames.get(j - 1))
                    && Math.abs(frames.get(j).semitones() - anchor) <= MAX_DRIFT) {
                j++;
            }
            double seconds = (j - i) * hop;
            double[] change = frames.subList(i + 1, j).stream().mapToDouble(VoiceFrame::spectralChange).toArray();
            if (seconds >= MIN_SECONDS && seconds <= MAX_SECONDS && VoiceTrack.percentile(change, 50) <= MAX_MEDIAN_CHANGE) {
                out.add(new FilledPause(new TimeSpan(frames.get(i).time(), frames.get(i).time() + seconds),
                        sound(frames.subList(i, j))));
            }
            i = j;
        }
        return List.copyOf(out);
    }

    /** "um" if the sound ends much darker than it began (a nasal closing), else "uh". */
    static String sound(List<VoiceFrame> run) {
        int n = run.size();
        double[] start = run.subList(0, Math.max(1, n / 2)).stream().mapToDouble(VoiceFrame::brightness).toArray();
        double[] end = run.subList(n - Math.max(1, n / 3), n).stream().mapToDouble(VoiceFrame::brightness).toArray();
        double opening = VoiceTrack.percentile(start, 50);
        return opening > 0 && VoiceTrack.percentile(end, 50) <= opening * NASAL_BRIGHTNESS_RATIO ? FilledPause.UM : FilledPause.UH;
    }

    private static boolean steady(VoiceTrack track, VoiceFrame f, VoiceFrame previous) {
        if (!f.voiced() || !track.isSpeech(f) || (previous != null && f.spectralChange() > MAX_FRAME_CHANGE)) {
            return false;
        }
        return previous == null || Math.abs(f.semitones() - previous.semitones()) <= MAX_STEP;
    }
}
