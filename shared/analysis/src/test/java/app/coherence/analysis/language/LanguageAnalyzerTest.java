package app.coherence.analysis.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.voice.FilledPause;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageAnalyzerTest {

    /** Words spoken back to back (0.3 s each, 0.05 s apart); "|" marks a 0.6 s pause. */
    static List<RecognizedWord> say(double from, String text) {
        List<RecognizedWord> out = new ArrayList<>();
        double t = from;
        for (String w : text.split(" ")) {
            if (w.equals("|")) {
                t += 0.6;
                continue;
            }
            out.add(new RecognizedWord(w, t, t + 0.3, 0.9));
            t += 0.35;
        }
        return out;
    }

    private static List<String> fillers(LanguageFeatures f) {
        return f.fillers().stream().map(SpokenWord::text).toList();
    }

    @Test
    void fillers_umAlways_positionalOnlyAtClauseStartOrIsolated() {
        LanguageFeatures f = new LanguageAnalyzer().analyze(
                say(0, "so today we look at sales | so | um the numbers are like really good | you know we did so well"), List.of());
        // "so" at the start of the first clause and the isolated "so" count, "um" always, "you know" at a clause
        // start once; "like" inside a clause and the last "so" do not
        assertThat(fillers(f)).containsExactly("so", "so", "um", "you know");
        assertThat(f.transcript()).isNotEmpty();
        assertThat(f.transcript().get(0).words().get(0).filler()).isTrue();
    }

    @Test
    void acousticFillers_insertedInGaps_relabelMisheardWords_neverReplaceRealWords() {
        List<RecognizedWord> words = new ArrayList<>(say(0, "revenue grew by forty percent"));
        words.add(new RecognizedWord("am", 2.5, 2.9, 0.4));
        words.addAll(say(3.5, "and costs stayed flat"));
        List<FilledPause> candidates = List.of(
                new FilledPause(new TimeSpan(1.9, 2.3), "uh"),   // in the gap after "percent": inserted
                new FilledPause(new TimeSpan(2.5, 2.9), "um"),   // over the misheard "am": relabelled
                new FilledPause(new TimeSpan(3.85, 4.15), "uh"), // over "costs": a held vowel, not a filler
                new FilledPause(new TimeSpan(30, 31), "um"));    // after the talk: ignored
        LanguageFeatures f = new LanguageAnalyzer().analyze(words, candidates);
        assertThat(f.fillers()).extracting(SpokenWord::start).containsExactly(1.9, 2.5);
        assertThat(f.fillers()).allMatch(SpokenWord::acoustic).extracting(SpokenWord::text).containsExactly("uh", "um");
        assertThat(f.spokenWordCount()).isEqualTo(9);
    }

    @Test
    void pace_overallAndRolling20sWindows() {
        // 60 words in 30 s: 120 wpm overall; the first 20 s slower than the last
        List<RecognizedWord> words = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            words.add(new RecognizedWord("slow", i * 0.75, i * 0.75 + 0.3, 0.9));
        }
        for (int i = 0; i < 40; i++) {
            words.add(new RecognizedWord("fast", 15 + i * 0.375, 15 + i * 0.375 + 0.3, 0.9));
        }
        LanguageFeatures f = new LanguageAnalyzer().analyze(words, List.of());
        assertThat(f.wordsPerMinute()).isCloseTo(60 * 60 / 29.925, within(0.01));
        // windows start every 5 s and must fit in the 29.9 s of speech: 0-20 s holds 33 words, 5-25 s holds 40
        assertThat(f.pace()).extracting(PaceWindow::start).containsExactly(0.0, 5.0);
        assertThat(f.pace()).extracting(PaceWindow::wordsPerMinute).containsExactly(99.0, 120.0);
    }

    @Test
    void phrases_deicticEmphasisEmotion_andMidSentencePause() {
        List<RecognizedWord> words = new ArrayList<>(say(0, "as you can see this chart is really important and we love it"));
        words.addAll(say(10, "the | results")); // "the" then 3+ s of silence
        words.add(new RecognizedWord("market", 15, 15.4, 0.9));
        LanguageFeatures f = new LanguageAnalyzer().analyze(words, List.of());
        assertThat(f.deictic()).extracting(Phrase::text).containsExactly("as you can see", "this chart");
        assertThat(f.emphasis()).extracting(Phrase::text).containsExactly("really", "important");
        assertThat(f.emotion()).extracting(Phrase::text).containsExactly("love");
        assertThat(new LanguageAnalyzer().analyze(say(0, "i am happy to take questions and we love to hear from you"), List.of())
                .emotion()).isEmpty();
        assertThat(f.midSentencePauses()).isEmpty(); // "results" may end a sentence
        LanguageFeatures g = new LanguageAnalyzer().analyze(List.of(new RecognizedWord("we", 0, 0.3, 0.9),
                new RecognizedWord("sold", 0.35, 0.6, 0.9), new RecognizedWord("the", 0.65, 0.8, 0.9),
                new RecognizedWord("house", 4.5, 4.9, 0.9)), List.of());
        assertThat(g.midSentencePauses()).containsExactly(new TimeSpan(0.8, 4.5));
    }

    @Test
    void repeats_andHedges_counted() {
        LanguageFeatures f = new LanguageAnalyzer().analyze(say(0, "i think we we will maybe grow we will grow"), List.of());
        assertThat(f.hedges()).isEqualTo(2);
        assertThat(f.repeatedPhrases()).isEqualTo(1);
    }

    @Test
    void transcript_readsAsCasedSentences_whoseTokensLineUpWithTheWords() {
        LanguageFeatures f = new LanguageAnalyzer().analyze(
                say(0, "um today i'm going to show you our product | i mean it works | you know we ship it"), List.of());
        assertThat(f.transcript()).extracting(TranscriptSegment::text).containsExactly(
                "Um, today I'm going to show you our product.", "I mean it works.", "You know we ship it.");
        assertThat(f.transcript().get(1).words()).extracting(TranscriptSegment.Word::word, TranscriptSegment.Word::filler)
                .containsExactly(tuple("i mean", true), tuple("it", false), tuple("works", false));
        f.transcript().forEach(LanguageAnalyzerTest::assertTokensLineUp);
    }

    @Test
    void transcript_aSentenceCutForLength_goesOnWithoutACapital() {
        LanguageFeatures f = new LanguageAnalyzer().analyze(say(0, String.join(" ", Collections.nCopies(15, "we ship it"))), List.of());
        assertThat(f.transcript()).extracting(TranscriptSegment::text)
                .containsExactly("We ship it " + "we ship it ".repeat(12) + "we", "ship it we ship it.");
        f.transcript().forEach(LanguageAnalyzerTest::assertTokensLineUp);
    }

    /** Each word takes as many tokens of the text as it has, and they are the word but for case and punctuation. */
    private static void assertTokensLineUp(TranscriptSegment s) {
        String[] tokens = s.text().split(" ");
        int at = 0;
        for (TranscriptSegment.Word w : s.words()) {
            for (String part : w.word().split(" ")) {
                assertThat(tokens[at++].toLowerCase(Locale.ROOT).replaceAll("[.,]$", "")).isEqualTo(part);
            }
        }
        assertThat(at).isEqualTo(tokens.length);
    }
}
