package app.coherence.analysis.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceAnalyzerTest {

    /** Builds a track: speech (voiced, pitch moving over {@code semitoneSwing}) except in the silences. */
    static VoiceTrack track(double seconds, List<TimeSpan> silences, double semitoneSwing) {
        List<VoiceFrame> frames = new ArrayList<>();
        for (int i = 0; i < seconds / 0.05; i++) {
            double t = i * 0.05;
            boolean silent = silences.stream().anyMatch(s -> t >= s.start() && t < s.end());
            double st = semitoneSwing / 2 * Math.sin(2 * Math.PI * t / 1.3);
            double hz = 180 * Math.pow(2, st / 12);
            frames.add(silent ? new VoiceFrame(t, -90, 0, 1, 0) : new VoiceFrame(t, -25, hz, 0.1 + 0.05 * (i % 3), 0.12));
        }
        return new VoiceTrack(frames, 0.05);
    }

    @Test
    void analyze_pausesBetweenSpeech_countedWithTheLongest() {
        VoiceTrack t = track(20, List.of(new TimeSpan(0, 1), new TimeSpan(5, 5.3), new TimeSpan(8, 9), new TimeSpan(12, 14.5),
                new TimeSpan(19, 20)), 8);
        VoiceFeatures f = new VoiceAnalyzer().analyze(t);
        // the 0.3 s gap is too short and leading/trailing silence is not a pause
        assertThat(f.pauses()).hasSize(2);
        assertThat(f.longestPause()).isCloseTo(2.5, within(0.06));
    }

    @Test
    void analyze_pitchRangeAndMonotone() {
        VoiceFeatures lively = new VoiceAnalyzer().analyze(track(20, List.of(), 8));
        assertThat(lively.pitchRangeSemitones()).isCloseTo(8, within(0.5));
        assertThat(lively.monotoneSeconds()).isZero();
        VoiceFeatures flat = new VoiceAnalyzer().analyze(track(20, List.of(), 1));
        assertThat(flat.pitchRangeSemitones()).isLessThan(1.1);
        assertThat(flat.monotoneSeconds()).isCloseTo(20, within(0.1));
    }

    @Test
    void filledPauses_steadyVoicedSoundBetweenSpeech_detected() {
        List<VoiceFrame> frames = new ArrayList<>(track(6, List.of(new TimeSpan(2, 4)), 8).frames());
        // 2.4-3.0 s: a held "uh" at a steady 190 Hz with an unchanging spectrum
        for (int i = 48; i < 60; i++) {
            frames.set(i, new VoiceFrame(i * 0.05, -26, 190 + (i % 2), 0.015, 0.12));
        }
        // 3.2-3.3 s: too short to be a filler
        for (int i = 64; i < 66; i++) {
            frames.set(i, new VoiceFrame(i * 0.05, -26, 190, 0.015, 0.12));
        }
        List<FilledPause> found = new FilledPauseDetector().detect(new VoiceTrack(frames, 0.05));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).span().start()).isCloseTo(2.4, within(0.01));
        assertThat(found.get(0).span().end()).isCloseTo(3.0, within(0.01));
        assertThat(found.get(0).sound()).isEqualTo("uh");
    }

    @Test
    void filledPauses_endingInANasalHum_areUm() {
        List<VoiceFrame> frames = new ArrayList<>(track(6, List.of(new TimeSpan(2, 4)), 8).frames());
        // 2.4-3.0 s: the vowel of "um", then from 2.75 s the lips close: the hum keeps the pitch, loses the highs
        for (int i = 48; i < 60; i++) {
            frames.set(i, new VoiceFrame(i * 0.05, i < 55 ? -26 : -30, 190, i == 55 ? 0.15 : 0.015, i < 55 ? 0.12 : 0.02));
        }
        List<FilledPause> found = new FilledPauseDetector().detect(new VoiceTrack(frames, 0.05));
        assertThat(found).extracting(FilledPause::sound).containsExactly("um");
        assertThat(found.get(0).span().end()).isCloseTo(3.0, within(0.01));
    }
}
