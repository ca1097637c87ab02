package app.coherence.analysis.language;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Tells the pauses inside a sentence from those between sentences, by the words either side. */
public final class SentencePauses {

    /** A pause, and whether the sentence went on after it. */
    public record Pause(TimeSpan span, boolean insideSentence) {
        /** "inside a sentence" or "between sentences", as the report says it. */
        public String where() {
            return insideSentence ? "inside a sentence" : "between sentences";
        }
    }

    private SentencePauses() {
    }

    /**
     * Each pause is inside a sentence when the last real word before it (fillers skipped) is one a sentence
     * rarely ends on ("the", "on", "and"...): "we will focus on ... speed". Otherwise it is between sentences.
     */
    public static List<Pause> of(List<SpokenWord> words, List<TimeSpan> pauses) {
        List<Pause> out = new ArrayList<>();
        for (TimeSpan p : pauses) {
            SpokenWord before = null;
            for (SpokenWord w : words) {
                if (w.middle() > p.start()) {
                    break;
                }
                if (!w.filler() && !w.text().isEmpty()) {
                    before = w;
                }
            }
            out.add(new Pause(p, before != null && Lexicon.CONTINUES.contains(before.text())));
        }
        return List.copyOf(out);
    }
}
