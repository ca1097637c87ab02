package app.coherence.analysis.moments;

import app.coherence.analysis.TalkFeatures;
import app.coherence.core.analysis.Moment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The talk's timeline: what was seen and what was heard, in time order. */
public final class MomentTimeline {
    public List<Moment> of(TalkFeatures talk) {
        List<Moment> all = new ArrayList<>(new VisualMoments().of(talk));
        all.addAll(new SpokenMoments().of(talk));
        all.sort(Comparator.comparingDouble(Moment::start).thenComparing(Moment::type));
        return List.copyOf(all);
    }
}
