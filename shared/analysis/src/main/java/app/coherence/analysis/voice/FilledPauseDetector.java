package app.coherence.analysis.voice;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds sounds shaped like "um"/"uh" in the voice alone: voiced speech whose pitch holds steady and
 * whose spectrum hardly changes for 250-1500 ms. Recognisers often drop or mishear these, so they are
 * merged with the transcript's fillers later (only where no real word was spoken).
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

    public List<TimeSpan> detect(VoiceTrack track) {
        List<VoiceFrame> frames = track.frames();
        double hop = track.hopSeconds();
        List<TimeSpan> out = new ArrayList<>();
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
                out.add(new TimeSpan(frames.get(i).time(), frames.get(i).time() + seconds));
            }
            i = j;
        }
        return List.copyOf(out);
    }

    private static boolean steady(VoiceTrack track, VoiceFrame f, VoiceFrame previous) {
        if (!f.voiced() || !track.isSpeech(f) || (previous != null && f.spectralChange() > MAX_FRAME_CHANGE)) {
            return false;
        }
        return previous == null || Math.abs(f.semitones() - previous.semitones()) <= MAX_STEP;
    }
}
