package app.coherence.analysis.rules;

import app.coherence.analysis.TalkFeatures;
import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.language.LanguageAnalyzer;
import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.vision.FrameFeatures;
import app.coherence.analysis.vision.VisionTrack;
import app.coherence.analysis.voice.VoiceAnalyzer;
import app.coherence.analysis.voice.VoiceFrame;
import app.coherence.analysis.voice.VoiceTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds measured features by hand for rule and score tests: a lively, well-framed speaker at 150
 * wpm by default, with whatever the test changes.
 */
public final class TestTalk {
    private final double seconds;
    private final List<RecognizedWord> words = new ArrayList<>();
    private final List<TimeSpan> flatVoice = new ArrayList<>();
    private final List<TimeSpan> quietVoice = new ArrayList<>();
    private final List<TimeSpan> turnedAway = new ArrayList<>();
    private final List<TimeSpan> gestures = new ArrayList<>();
    private final List<TimeSpan> smiles = new ArrayList<>();
    private final List<Double> slideChanges = new ArrayList<>();
    private boolean faceless;

    public TestTalk(double seconds) {
        this.seconds = seconds;
    }

    /** Fills [from, to) with filler-free words at 150 wpm (0.4 s each). */
    public TestTalk speech(double from, double to) {
        for (double t = from; t + 0.3 <= to; t += 0.4) {
            words.add(new RecognizedWord("word", t, t + 0.3, 0.9));
        }
        return this;
    }

    /** Puts {@code text}'s words at {@code at}, replacing the words there. */
    public TestTalk say(double at, String text) {
        String[] parts = text.split(" ");
        double end = at + parts.length * 0.4;
        words.removeIf(w -> w.end() > at && w.start() < end);
        for (int i = 0; i < parts.length; i++) {
            words.add(new RecognizedWord(parts[i], at + i * 0.4, at + i * 0.4 + 0.3, 0.9));
        }
        words.sort(java.util.Comparator.comparingDouble(RecognizedWord::start));
        return this;
    }

    public TestTalk silence(double from, double to) {
        words.removeIf(w -> w.end() > from && w.start() < to);
        return this;
    }

    public TestTalk flatVoice(double from, double to) {
        flatVoice.add(new TimeSpan(from, to));
        return this;
    }

    public TestTalk quietVoice(double from, double to) {
        quietVoice.add(new TimeSpan(from, to));
        return this;
    }

    public TestTalk turnedAway(double from, double to) {
        turnedAway.add(new TimeSpan(from, to));
        return this;
    }

    public TestTalk gesture(double from, double to) {
        gestures.add(new TimeSpan(from, to));
        return this;
    }

    public TestTalk smile(double from, double to) {
        smiles.add(new TimeSpan(from, to));
        return this;
    }

    public TestTalk slideChange(double at) {
        slideChanges.add(at);
        return this;
    }

    public TestTalk noFace() {
        faceless = true;
        return this;
    }

    public TalkFeatures features() {
        List<VoiceFrame> frames = new ArrayList<>();
        for (int i = 0; i < seconds / 0.05; i++) {
            double t = i * 0.05;
            boolean speaking = words.stream().anyMatch(w -> t >= w.start() - 0.05 && t < w.end() + 0.05);
            if (!speaking) {
                frames.add(new VoiceFrame(t, -90, 0, 1, 0));
                continue;
            }
            boolean flat = in(flatVoice, t);
            // lively: pitch swings 10 semitones over 1.3 s; flat: a quarter semitone
            double swing = flat ? 0.25 : 10;
            double hz = 180 * Math.pow(2, swing / 2 * Math.sin(2 * Math.PI * t / 1.3) / 12);
            frames.add(new VoiceFrame(t, in(quietVoice, t) ? -32 : -24 + (i % 4), hz, 0.1 + 0.05 * (i % 3), 0.12));
        }
        VoiceTrack voice = new VoiceTrack(frames, 0.05);
        List<FrameFeatures> seen = new ArrayList<>();
        FrameFeatures previous = null;
        for (int i = 0; i < seconds * 4; i++) {
            double t = i * 0.25;
            boolean away = in(turnedAway, t);
            boolean face = !faceless && !away;
            double change = slideChanges.stream().anyMatch(c -> c > t - 0.25 && c <= t) ? 0.8 : 0.002;
            double motion = in(gestures, t) ? 0.03 : 0.0005;
            FrameFeatures f = new FrameFeatures(t, face, face, face ? 0.5 : Double.NaN, face ? 0.35 : Double.NaN,
                    face ? 0.2 : 0, face && in(smiles, t), previous == null ? 0 : motion, previous == null ? 0 : change);
            seen.add(f);
            previous = f;
        }
        var voiceFeatures = new VoiceAnalyzer().analyze(voice);
        return new TalkFeatures(seconds, new LanguageAnalyzer().analyze(words, voiceFeatures.filledPauseCandidates()), voice,
                voiceFeatures, new VisionTrack(seen, null));
    }

    private static boolean in(List<TimeSpan> spans, double t) {
        return spans.stream().anyMatch(s -> t >= s.start() && t < s.end());
    }
}
