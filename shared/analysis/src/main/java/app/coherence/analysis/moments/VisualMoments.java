package app.coherence.analysis.moments;

import app.coherence.analysis.TalkFeatures;
import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.vision.LookAway;
import app.coherence.core.analysis.Moment;
import app.coherence.core.analysis.MomentType;
import java.util.ArrayList;
import java.util.List;

/**
 * The moments the camera shows: look-aways (detail: down, up, left, right as seen in the picture, or
 * out-of-frame), face touches, smiles.
 */
public final class VisualMoments {
    public List<Moment> of(TalkFeatures talk) {
        List<Moment> out = new ArrayList<>();
        for (LookAway a : talk.vision().lookAways()) {
            out.add(new Moment(MomentType.LOOK_AWAY, round(a.start()), round(a.end()), a.direction().word()));
        }
        for (TimeSpan t : talk.vision().faceTouches()) {
            out.add(new Moment(MomentType.FACE_TOUCH, round(t.start()), round(t.end()), "hand at the face"));
        }
        for (TimeSpan s : talk.vision().smiles()) {
            out.add(new Moment(MomentType.SMILE, round(s.start()), round(s.end()), "smile"));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
