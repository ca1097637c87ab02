package app.coherence.analysis.language;

import app.coherence.analysis.TimeSpan;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.List;

/**
 * What the words say about the delivery.
 *
 * @param words            every word in time order, acoustic filled pauses included, fillers marked
 * @param fillers          the fillers (a multi-word filler such as "you know" counts once, by its first word)
 * @param wordsPerMinute   words (fillers excluded) over the time from the first to the last word
 * @param pace             rolling 20 s windows, every 5 s
 * @param midSentencePauses silences over 3 s after a word a sentence rarely ends on
 */
public record LanguageFeatures(List<SpokenWord> words, List<SpokenWord> fillers, int hedges, int repeatedPhrases,
                               double wordsPerMinute, List<PaceWindow> pace, List<Phrase> deictic,
                               List<Phrase> emphasis, List<Phrase> emotion, List<TimeSpan> midSentencePauses,
                               List<TranscriptSegment> transcript) {

    public int spokenWordCount() {
        return (int) words.stream().filter(w -> !w.filler()).count();
    }
}
