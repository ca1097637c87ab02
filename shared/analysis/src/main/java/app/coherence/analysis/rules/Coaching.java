package app.coherence.analysis.rules;

import app.coherence.analysis.score.DeliveryTargets;
import app.coherence.core.analysis.FlagType;

/** One coaching tip per kind of dissonance. */
public final class Coaching {
    private Coaching() {
    }

    public static String tip(FlagType type) {
        return switch (type) {
            case EMOTIONAL_MISMATCH -> "When you name a feeling, let it show: smile, lift your voice and slow down on the word.";
            case MISSING_GESTURE -> "When you say \"as you can see\" or \"look at this\", point at it or change the slide at that moment.";
            case PACING_MISMATCH -> "Aim for " + DeliveryTargets.PACE_TARGET
                    + " words per minute, pauses included: pause at full stops, not in the middle of a sentence.";
            case FLAT_EMPHASIS -> "Stress the words that matter: a little louder, a little higher, with a short pause before them.";
            case GAZE_AVERSION -> "Deliver key points to the camera: glance at notes during transitions, not while making the point.";
            case FILLER_CLUSTER -> "Replace um and uh with a silent pause: a breath reads as confidence, a filler as hesitation.";
        };
    }
}
