package app.coherence.analysis.score;

import static app.coherence.analysis.score.DeliveryTargets.*;

import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.Metrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The coherence score, 0-100:
 * <pre>
 *   score = round(100 * sum over components c of weight(c) * marks(c))
 * </pre>
 * where the weights are {@link ScoreComponent}'s (summing to 1) and every component's marks are 0-1:
 * <ul>
 * <li>EYE_CONTACT: ramp of eye contact % from {@code EYE_CONTACT_ZERO} to {@code EYE_CONTACT_FULL};</li>
 * <li>FILLERS: 1 minus the ramp of fillers per minute from {@code FILLERS_FULL} to {@code FILLERS_ZERO};</li>
 * <li>PACE: 1 inside the speaking-pace band (155-180 wpm, pauses left out), falling linearly to 0 at 110 and 220 wpm;</li>
 * <li>VOCAL_VARIETY: ramp of pitch range from 3 to 8 semitones, times the share of the talk not monotone;</li>
 * <li>GESTURES: 1 at 2-12 gestures per minute (less below, down to half at 24), minus 0.1 per fidget per minute (at most 0.5);</li>
 * <li>FRAMING: average of the ramps of face visible % (50 to 90) and centred % (40 to 80);</li>
 * <li>COHERENCE: 1 minus the flags' weight per minute (HIGH 0.5, MEDIUM 0.25, LOW 0.1), floored at 0.</li>
 * </ul>
 * With no speech at all (pace 0), FILLERS and COHERENCE get no marks either: silence is not fluent.
 * An excellent talk — every metric in its band and no flag — scores 100. Bands live in {@link DeliveryTargets}.
 */
public final class CoherenceScorer {

    public ScoreCard score(Metrics m, List<DissonanceFlag> flags, double durationSeconds) {
        double minutes = Math.max(durationSeconds / 60, 0.5);
        Map<ScoreComponent, Double> marks = new EnumMap<>(ScoreComponent.class);
        marks.put(ScoreComponent.EYE_CONTACT, ramp(m.eyeContact(), EYE_CONTACT_ZERO, EYE_CONTACT_FULL));
        marks.put(ScoreComponent.FILLERS, 1 - ramp(m.fillerRatePerMinute(), FILLERS_FULL, FILLERS_ZERO));
        marks.put(ScoreComponent.PACE, pace(m.speakingPace()));
        double monotoneShare = Math.min(1, m.vocalVariety().monotoneSeconds() / Math.max(1, durationSeconds));
        marks.put(ScoreComponent.VOCAL_VARIETY, ramp(m.vocalVariety().pitchRangeSemitones(), PITCH_RANGE_ZERO, PITCH_RANGE_FULL)
                * (1 - monotoneShare));
        marks.put(ScoreComponent.GESTURES, Math.max(0, gestures(m.gestures().perMinute())
                - Math.min(0.5, FIDGET_COST * m.fidgeting() / minutes)));
        marks.put(ScoreComponent.FRAMING, (ramp(m.framing().faceVisiblePct(), FACE_ZERO, FACE_FULL)
                + ramp(m.framing().centeredPct(), CENTRED_ZERO, CENTRED_FULL)) / 2);
        double weight = 0;
        for (DissonanceFlag f : flags) {
            weight += switch (f.severity()) {
                case HIGH -> FLAG_HIGH;
                case MEDIUM -> FLAG_MEDIUM;
                case LOW -> FLAG_LOW;
            };
        }
        marks.put(ScoreComponent.COHERENCE, 1 - Math.min(1, weight / minutes / FLAGS_ZERO_PER_MINUTE));
        if (m.speakingPace() <= 0) {
            marks.put(ScoreComponent.FILLERS, 0.0);
            marks.put(ScoreComponent.COHERENCE, 0.0);
        }
        double total = 0;
        for (ScoreComponent c : ScoreComponent.values()) {
            total += c.weight() * marks.get(c);
        }
        int score = (int) Math.round(Math.max(0, Math.min(100, 100 * total)));
        return new ScoreCard(score, Map.copyOf(marks));
    }

    /** 0 at {@code zero}, 1 at {@code full}, linear between (either direction). */
    static double ramp(double value, double zero, double full) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = (value - zero) / (full - zero);
        return Math.max(0, Math.min(1, t));
    }

    private static double pace(double wpm) {
        if (wpm <= 0) {
            return 0;
        }
        if (wpm < SPEAKING_PACE_LOW) {
            return ramp(wpm, SPEAKING_PACE_ZERO_LOW, SPEAKING_PACE_LOW);
        }
        return wpm > SPEAKING_PACE_HIGH ? ramp(wpm, SPEAKING_PACE_ZERO_HIGH, SPEAKING_PACE_HIGH) : 1;
    }

    private static double gestures(double perMinute) {
        if (perMinute < GESTURES_LOW) {
            return ramp(perMinute, 0, GESTURES_LOW);
        }
        if (perMinute <= GESTURES_HIGH) {
            return 1;
        }
        return Math.max(0.5, 1 - 0.5 * (perMinute - GESTURES_HIGH) / (GESTURES_HALF - GESTURES_HIGH));
    }
}
