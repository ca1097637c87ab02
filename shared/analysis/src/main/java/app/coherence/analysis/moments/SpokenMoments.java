package app.coherence.analysis.moments;

import app.coherence.analysis.TalkFeatures;
import app.coherence.analysis.language.SentencePauses;
import app.coherence.analysis.language.SpokenWord;
import app.coherence.core.analysis.Moment;
import app.coherence.core.analysis.MomentType;
import java.util.ArrayList;
import java.util.List;

/** The moments the microphone hears: fillers and long pauses. */
public final class SpokenMoments {
    /** A silence this long is worth a moment on the timeline (shorter ones are breathing and phrasing). */
    static final double LONG_PAUSE_SECONDS = 2.0;

    public List<Moment> of(TalkFeatures talk) {
        List<Moment> out = new ArrayList<>();
        for (SpokenWord filler : talk.language().fillers()) {
            out.add(new Moment(MomentType.FILLER, round(filler.start()), round(filler.end()), filler.text()));
        }
        for (SentencePauses.Pause pause : SentencePauses.of(talk.language().words(), talk.voice().pauses())) {
            if (pause.span().seconds() >= LONG_PAUSE_SECONDS) {
                out.add(new Moment(MomentType.PAUSE, round(pause.span().start()), round(pause.span().end()), pause.where()));
            }
        }
        return List.copyOf(out);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
