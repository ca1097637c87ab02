package app.coherence.analysis.report;

import app.coherence.core.analysis.TranscriptSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A segment's words as written: each its tokens of the segment's cased text ("I", "product."), when the
 * text lines up with the words (the web report's rule, web/src/lib/transcript.ts); otherwise as heard.
 */
final class WrittenWords {
    private WrittenWords() {
    }

    static List<String> of(TranscriptSegment s) {
        List<String> heard = s.words().stream().map(TranscriptSegment.Word::word).toList();
        String[] tokens = tokens(s.text());
        List<String> out = new ArrayList<>();
        int at = 0;
        for (TranscriptSegment.Word w : s.words()) {
            int n = tokens(w.word()).length;
            if (n == 0 || at + n > tokens.length) {
                return heard;
            }
            String written = String.join(" ", Arrays.copyOfRange(tokens, at, at + n));
            if (!bare(written).equals(bare(w.word()))) {
                return heard; // not the same words: never guess which is which
            }
            out.add(written);
            at += n;
        }
        return at == tokens.length ? out : heard;
    }

    private static String[] tokens(String s) {
        String t = s == null ? "" : s.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** What a token and its word share: letters, digits and apostrophes, case aside. */
    private static String bare(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'\\s-]", "").replaceAll("\\s+", " ").trim();
    }
}
