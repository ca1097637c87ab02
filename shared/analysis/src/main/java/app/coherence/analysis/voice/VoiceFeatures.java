package app.coherence.analysis.voice;

import app.coherence.analysis.TimeSpan;
import java.util.List;

/**
 * What the voice alone says about the delivery.
 *
 * @param pauses             silences of at least half a second between speech
 * @param pitchRangeSemitones robust pitch range (5th to 95th percentile) of the voiced speech
 * @param monotone           stretches of at least 8 s whose pitch stays within 2 semitones
 * @param medianSpeechDb     the speaker's median speech loudness
 * @param filledPauseCandidates voiced, steady, unchanging sounds of 250-1500 ms, each an "um" or an "uh"
 * @param speech             spans of voice (from the voice activity detector), pauses of half a second or more between them
 */
public record VoiceFeatures(List<TimeSpan> pauses, double pitchRangeSemitones, List<TimeSpan> monotone,
                            double medianSpeechDb, List<FilledPause> filledPauseCandidates, List<TimeSpan> speech) {

    /** Seconds of voice: the speech spans with gaps shorter than a pause bridged (the talking, not the thinking). */
    public double speakingSeconds() {
        if (speech.isEmpty()) {
            return 0;
        }
        double total = speech.get(speech.size() - 1).end() - speech.get(0).start();
        return total - pauses.stream().mapToDouble(TimeSpan::seconds).sum();
    }

    /** Seconds of voice alone (every gap left out): the time spent articulating. */
    public double voicedSeconds() {
        return speech.stream().mapToDouble(TimeSpan::seconds).sum();
    }

    public double monotoneSeconds() {
        return monotone.stream().mapToDouble(TimeSpan::seconds).sum();
    }

    public double longestPause() {
        return pauses.stream().mapToDouble(TimeSpan::seconds).max().orElse(0);
    }
}
