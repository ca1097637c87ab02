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
 */
public record VoiceFeatures(List<TimeSpan> pauses, double pitchRangeSemitones, List<TimeSpan> monotone,
                            double medianSpeechDb, List<FilledPause> filledPauseCandidates) {

    public double monotoneSeconds() {
        return monotone.stream().mapToDouble(TimeSpan::seconds).sum();
    }

    public double longestPause() {
        return pauses.stream().mapToDouble(TimeSpan::seconds).max().orElse(0);
    }
}
