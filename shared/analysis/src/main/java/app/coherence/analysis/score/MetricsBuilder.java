package app.coherence.analysis.score;

import app.coherence.analysis.TalkFeatures;
import app.coherence.analysis.language.SentencePauses;
import app.coherence.analysis.vision.SpeakingTime;
import app.coherence.core.analysis.Metrics;
import java.util.List;

/** Reads the report's metrics off the features (rounded for display). */
public final class MetricsBuilder {

    public Metrics build(TalkFeatures t) {
        double minutes = Math.max(t.minutes(), 1.0 / 60);
        int fillers = t.language().fillers().size();
        List<SentencePauses.Pause> pauses = SentencePauses.of(t.language().words(), t.voice().pauses());
        int inside = (int) pauses.stream().filter(SentencePauses.Pause::insideSentence).count();
        return new Metrics(
                t.vision().eyeContactPct(SpeakingTime.of(t.language().words())),
                fillers,
                round1(fillers / minutes),
                Math.round(pace(t)),
                DeliveryTargets.SPEAKING_PACE_TARGET,
                new Metrics.Pauses(pauses.size(), round1(t.voice().longestPause()), inside, pauses.size() - inside),
                new Metrics.VocalVariety(round1(t.voice().pitchRangeSemitones()), round1(t.voice().monotoneSeconds())),
                new Metrics.Gestures(round1(t.vision().gestures().size() / minutes)),
                t.vision().fidgets().size(),
                new Metrics.Framing(t.vision().faceVisiblePct(), t.vision().centredPct()),
                Math.round(articulation(t)));
    }

    /** Words per minute over the speaking time (pauses left out), or from first to last word without voice spans. */
    static double pace(TalkFeatures t) {
        double speaking = t.voice().speakingSeconds();
        return speaking < 1 ? t.language().wordsPerMinute() : t.language().spokenWordCount() * 60 / speaking;
    }

    /** Words per minute of voiced time alone: how fast the words themselves come, whatever the pauses. */
    static double articulation(TalkFeatures t) {
        double voiced = t.voice().voicedSeconds();
        return voiced < 1 ? 0 : t.language().spokenWordCount() * 60 / voiced;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
