package app.coherence.analysis.moments;

import app.coherence.analysis.TalkFeatures;
import app.coherence.core.analysis.Moment;
import java.util.List;

/** The moments the camera shows: look-aways, face touches, smiles. */
public final class VisualMoments {
    public List<Moment> of(TalkFeatures talk) {
        return List.of();
    }
}
