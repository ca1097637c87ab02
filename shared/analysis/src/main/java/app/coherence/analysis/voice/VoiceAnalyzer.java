package app.coherence.analysis.voice;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Finds pauses, pitch range, monotone stretches and filled-pause candidates in a voice track. */
public final class VoiceAnalyzer {
    static final double MIN_PAUSE = 0.5;
    static final double MONOTONE_WINDOW = 8;
    static final double MONOTONE_SEMITONES = 2;
    /** A frame 12 - 2.5 semitones or more from the median is taken as an octave slip (speech rarely leaps that far). */
    static final double OCTAVE_SLACK = 2.5;
    /** Speech blips shorter than this inside a silence do not end it (clicks, breaths). */
    private static final double MIN_SPEECH_RUN = 0.1;

    private final FilledPauseDetector filledPauses = new FilledPauseDetector();

    /** Pauses and speaking time from the voice activity detector's speech spans; the rest from the track. */
    public VoiceFeatures analyze(VoiceTrack track, List<TimeSpan> speech) {
        List<TimeSpan> pauses = new ArrayList<>();
        for (int i = 1; i < speech.size(); i++) {
            double from = speech.get(i - 1).end();
            double to = speech.get(i).start();
            if (to - from >= MIN_PAUSE) {
                pauses.add(new TimeSpan(from, to));
            }
        }
        VoiceFeatures energy = analyze(track);
        return new VoiceFeatures(List.copyOf(pauses), energy.pitchRangeSemitones(), energy.monotone(),
                energy.medianSpeechDb(), energy.filledPauseCandidates(), List.copyOf(speech));
    }

    /** Everything from the track alone: speech is where the level rises over the room's (no detector). */
    public VoiceFeatures analyze(VoiceTrack track) {
        List<VoiceFrame> frames = track.frames();
        double hop = track.hopSeconds();
        boolean[] speech = new boolean[frames.size()];
        for (int i = 0; i < speech.length; i++) {
            speech[i] = track.isSpeech(frames.get(i));
        }
        dropShortRuns(speech, (int) Math.round(MIN_SPEECH_RUN / hop));
        List<TimeSpan> pauses = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int i = 0; i < speech.length; i++) {
            if (speech[i]) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first >= 0) {
            int silenceStart = -1;
            for (int i = first; i <= last; i++) {
                if (!speech[i] && silenceStart < 0) {
                    silenceStart = i;
                } else if (speech[i] && silenceStart >= 0) {
                    if ((i - silenceStart) * hop >= MIN_PAUSE) {
                        pauses.add(new TimeSpan(silenceStart * hop, i * hop));
                    }
                    silenceStart = -1;
                }
            }
        }
        double[] semitones = octaveFolded(track.voicedSemitones());
        double range = semitones.length < 10 ? 0 : VoiceTrack.percentile(semitones, 95) - VoiceTrack.percentile(semitones, 5);
        double[] levels = frames.stream().filter(track::isSpeech).mapToDouble(VoiceFrame::loudnessDb).toArray();
        double median = levels.length == 0 ? -100 : VoiceTrack.percentile(levels, 50);
        List<TimeSpan> monotone = first < 0 ? List.of() : monotone(track, first * hop, (last + 1) * hop);
        List<TimeSpan> spoken = new ArrayList<>();
        if (first >= 0) {
            double from = first * hop;
            for (TimeSpan p : pauses) {
                spoken.add(new TimeSpan(from, p.start()));
                from = p.end();
            }
            spoken.add(new TimeSpan(from, (last + 1) * hop));
        }
        return new VoiceFeatures(List.copyOf(pauses), range, monotone, median, filledPauses.detect(track), List.copyOf(spoken));
    }

    /**
     * Pitch trackers halve or double a voice's pitch now and then (deep male voices read an octave low, high
     * female voices an octave high): a frame about an octave (or two) from the speaker's median is moved back
     * by whole octaves, so the range measures the voice, not the tracker's slips.
     */
    static double[] octaveFolded(double[] semitones) {
        if (semitones.length == 0) {
            return semitones;
        }
        double median = VoiceTrack.percentile(semitones, 50);
        double[] out = new double[semitones.length];
        for (int i = 0; i < semitones.length; i++) {
            double d = semitones[i] - median;
            double octaves = Math.signum(d) * Math.floor((Math.abs(d) + OCTAVE_SLACK) / 12);
            out[i] = semitones[i] - 12 * octaves;
        }
        return out;
    }

    private static List<TimeSpan> monotone(VoiceTrack track, double from, double to) {
        List<TimeSpan> out = new ArrayList<>();
        int minVoiced = (int) Math.round(2.0 / track.hopSeconds()); // at least 2 s of voice in the window
        for (double t = from; t + MONOTONE_WINDOW <= to + 1e-9; t += 1) {
            double end = t + MONOTONE_WINDOW;
            long voiced = track.between(t, end).stream().filter(f -> f.voiced() && track.isSpeech(f)).count();
            double span = track.pitchSpan(t, end);
            if (voiced >= minVoiced && span < MONOTONE_SEMITONES) {
                if (!out.isEmpty() && out.get(out.size() - 1).end() >= t) {
                    TimeSpan prev = out.remove(out.size() - 1);
                    out.add(new TimeSpan(prev.start(), end));
                } else {
                    out.add(new TimeSpan(t, end));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void dropShortRuns(boolean[] speech, int minRun) {
        int i = 0;
        while (i < speech.length) {
            if (!speech[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < speech.length && speech[j]) {
                j++;
            }
            if (j - i < minRun) {
                for (int k = i; k < j; k++) {
                    speech[k] = false;
                }
            }
            i = j;
        }
    }
}
