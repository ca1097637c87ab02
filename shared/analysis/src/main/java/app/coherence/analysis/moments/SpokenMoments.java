package app.coherence.analysis.moments;

import app.coherence.analysis.TalkFeatures;
import app.coherence.core.analysis.Moment;
import java.util.List;

/** The moments the microphone hears: fillers and long pauses. */
public final class SpokenMoments {
    public List<Moment> of(TalkFeatures talk) {
        return List.of();
    }
}
