package app.coherence.core.video;

import java.util.EnumSet;
import java.util.Set;

/**
 * The typed outcome of one lifecycle step: the video as it should be stored next, whether it changed,
 * the verdict, and the effects that must follow.
 */
public record Transition(Video video, boolean moved, Verdict verdict, Set<Effect> effects) {

    public Transition {
        effects = effects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(effects));
    }

    /** The video moved to {@code next}; {@code effects} follow. */
    public static Transition moved(Video next, Effect... effects) {
        return new Transition(next, true, Verdict.MOVED, Set.of(effects));
    }

    /** The video moved to {@code next} with a verdict other than a plain move (a rejection, say). */
    public static Transition moved(Video next, Verdict verdict, Effect... effects) {
        return new Transition(next, true, verdict, Set.of(effects));
    }

    /** The video stays as it is, for {@code verdict}; {@code effects} still follow (a duplicate enqueue, say). */
    public static Transition stay(Video video, Verdict verdict, Effect... effects) {
        return new Transition(video, false, verdict, Set.of(effects));
    }

    public boolean has(Effect effect) {
        return effects.contains(effect);
    }
}
