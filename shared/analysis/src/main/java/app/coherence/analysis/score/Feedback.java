package app.coherence.analysis.score;

import static app.coherence.analysis.score.DeliveryTargets.*;

import app.coherence.core.analysis.Metrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Strengths (2-4) and priorities (exactly 3) from the score card, deterministic: ties go in component order. */
public final class Feedback {
    static final double STRENGTH_MARKS = 0.8;

    public record Lists(List<String> strengths, List<String> priorities) {
    }

    public Lists of(ScoreCard card, Metrics m, int flagCount) {
        return of(card, m, flagCount, 0, 0);
    }

    /** As {@link #of(ScoreCard, Metrics, int)}, naming hedges ("I think", "maybe") and repeated phrases beside the fillers. */
    public Lists of(ScoreCard card, Metrics m, int flagCount, int hedges, int repeats) {
        List<ScoreComponent> byMarks = new ArrayList<>(List.of(ScoreComponent.values()));
        byMarks.sort(Comparator.comparingDouble((ScoreComponent c) -> -card.marks().get(c)).thenComparingInt(Enum::ordinal));
        List<String> strengths = new ArrayList<>();
        for (ScoreComponent c : byMarks) {
            if (strengths.size() < 4 && (strengths.size() < 2 || card.marks().get(c) >= STRENGTH_MARKS)) {
                strengths.add(strength(c, m, flagCount));
            }
        }
        List<ScoreComponent> byLoss = new ArrayList<>(List.of(ScoreComponent.values()));
        byLoss.sort(Comparator.comparingDouble((ScoreComponent c) -> -c.weight() * (1 - card.marks().get(c)))
                .thenComparingInt(Enum::ordinal));
        List<String> priorities = byLoss.subList(0, 3).stream()
                .map(c -> card.marks().get(c) >= 1 ? "Keep it up: " + strength(c, m, flagCount)
                        : c == ScoreComponent.FILLERS ? priority(c, m, flagCount) + hedging(hedges, repeats)
                        : priority(c, m, flagCount))
                .toList();
        return new Lists(List.copyOf(strengths), priorities);
    }

    private static String hedging(int hedges, int repeats) {
        if (hedges == 0 && repeats == 0) {
            return "";
        }
        return String.format(" Also %d hedge%s (\"I think\", \"maybe\") and %d repeated word%s.", hedges, hedges == 1 ? "" : "s",
                repeats, repeats == 1 ? "" : "s");
    }

    private static String strength(ScoreComponent c, Metrics m, int flags) {
        return switch (c) {
            case EYE_CONTACT -> String.format("Eye contact: you faced the camera %.0f%% of the time.", m.eyeContact());
            case FILLERS -> String.format("Few fillers: %.1f per minute.", m.fillerRatePerMinute());
            case PACE -> String.format("Pace: %.0f words per minute while speaking (target %s).", m.speakingPace(), m.speakingPaceTarget());
            case VOCAL_VARIETY -> String.format("Vocal variety: your pitch ranged over %.1f semitones.",
                    m.vocalVariety().pitchRangeSemitones());
            case GESTURES -> String.format("Gestures: %.1f per minute support your words.", m.gestures().perMinute());
            case FRAMING -> String.format("Framing: your face was visible %.0f%% of the time.", m.framing().faceVisiblePct());
            case COHERENCE -> flags == 0 ? "Coherence: what you said, showed and sounded like agreed throughout."
                    : String.format("Coherence: only %d moment%s where words and delivery disagreed.", flags, flags == 1 ? "" : "s");
        };
    }

    private static String priority(ScoreComponent c, Metrics m, int flags) {
        return switch (c) {
            case EYE_CONTACT -> m.framing().faceVisiblePct() < FACE_ZERO
                    ? "Eye contact: we could not see your face most of the time; face the camera and keep your head in frame."
                    : String.format("Eye contact: you faced the camera %.0f%% of the time; aim for %.0f%% or more.",
                            m.eyeContact(), EYE_CONTACT_FULL);
            case FILLERS -> String.format("Fillers: %d (%.1f per minute); aim for at most %.0f per minute by pausing silently.",
                    m.fillerWords(), m.fillerRatePerMinute(), FILLERS_FULL);
            case PACE -> m.speakingPace() <= 0 ? "Pace: we heard no speech; check your microphone and speak up."
                    : String.format("Pace: %.0f words per minute while speaking; aim for %s.", m.speakingPace(), m.speakingPaceTarget());
            case VOCAL_VARIETY -> String.format("Vocal variety: pitch range %.1f semitones and %.0f s monotone; vary your pitch"
                    + " (aim for %.0f semitones or more).", m.vocalVariety().pitchRangeSemitones(),
                    m.vocalVariety().monotoneSeconds(), PITCH_RANGE_FULL);
            case GESTURES -> String.format("Gestures: %.1f per minute and %d fidgeting moments; aim for %.0f-%.0f purposeful"
                    + " gestures per minute.", m.gestures().perMinute(), m.fidgeting(), GESTURES_LOW, GESTURES_HIGH);
            case FRAMING -> String.format("Framing: face visible %.0f%% and centred %.0f%% of the time; sit centred, head and"
                    + " shoulders in frame.", m.framing().faceVisiblePct(), m.framing().centeredPct());
            case COHERENCE -> m.speakingPace() <= 0 ? "Coherence: without speech there is nothing for face and hands to support."
                    : flags == 0 ? "Coherence: keep words, face, hands and voice telling the same story."
                    : String.format("Coherence: %d moment%s where words and delivery disagreed; see the flags on the timeline.",
                            flags, flags == 1 ? "" : "s");
        };
    }
}
