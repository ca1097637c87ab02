package app.coherence.analysis.speech;

import app.coherence.analysis.vad.VoiceActivity;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A second listen for hesitations. Recognisers turn "um" and "uh" into the nearest word ("am", "on", "a",
 * "or", "arm") or drop them, because their language model expects words. So every doubtful word (one a
 * filler is often heard as, any the recogniser was unsure of, or a short one ending like "um" or "er" with
 * silence on both sides) and every
 * stretch of voice with no word is heard again on its own by a
 * recogniser that may only say um, uh, er, ah, hmm or "some word" ({@code [unk]}). A real word comes back as
 * {@code [unk]}; a hesitation comes back as a filler, or as nothing at all (no word fits it; believed only of a
 * word with silence on both sides). Only sounds long
 * enough to be a hesitation and set apart by a moment of silence are asked about: articles and short function
 * words are briefer, and run on into the next word.
 */
final class FillerSecondLook {
    static final String GRAMMAR = "[\"um\", \"uh\", \"er\", \"ah\", \"hmm\", \"[unk]\"]";
    /** A hesitation lasts at least this long; "a", "the", "of" are shorter. */
    static final double MIN_SECONDS = 0.15;
    /** Any other word is asked about only when the recogniser was this unsure ("burn" for a long "er"). */
    static final double UNSURE = 0.5;
    /** A hesitation lasts at most this long (a longer sound is speech or noise). */
    static final double MAX_SECONDS = 2.0;
    /** Silence that sets a hesitation apart from the words around it, on one side at least. */
    static final double APART_SECONDS = 0.1;
    /** Audio kept either side of the asked span, so the sound's edges are heard whole. */
    static final double PAD_SECONDS = 0.05;
    /** Words this short (letters) may be a hesitation heard as a word. */
    static final int SHORT_WORD_LETTERS = 4;
    /** A stretch of voice without a word is asked about when at least this long (a breath or click is shorter). */
    static final double MIN_WORDLESS_SECONDS = 0.25;
    /** What a recogniser hears for a hesitation, and which filler each most likely was. */
    static final Set<String> HEARD_AS_UM = Set.of("am", "i'm", "arm", "an", "on", "um", "mm", "hm", "hmm", "him", "them", "some");
    static final Set<String> HEARD_AS_ER = Set.of("or", "er", "are", "her", "your", "for", "burn", "were", "err");
    static final Set<String> HEARD_AS_UH = Set.of("a", "ah", "uh", "up", "the", "oh", "huh", "and", "of", "at", "i");
    private static final Set<String> FILLERS = Set.of("um", "uh", "er", "ah", "hmm");

    private final Model model;
    private Recognizer grammar;

    FillerSecondLook(Model model) {
        this.model = model;
    }

    /**
     * The chunk's words with every hesitation heard again named as the filler it is, and hesitations the
     * recogniser dropped added; times in seconds on the stream's clock.
     */
    List<RecognizedWord> review(List<RecognizedWord> words, short[] chunk, double chunkStart, VoiceActivity activity) {
        List<RecognizedWord> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            RecognizedWord w = words.get(i);
            String text = w.text().toLowerCase(Locale.ROOT);
            boolean confusable = HEARD_AS_UM.contains(text) || HEARD_AS_ER.contains(text) || HEARD_AS_UH.contains(text);
            // a short word that ends like "um" or "er", with silence on both sides, is asked about however sure the
            // recogniser was: hesitations sit between silent pauses, and a recogniser is often sure of the word its
            // language model put there ("done"); an emphatic "ask ... not" stands apart too, but sounds like no filler
            boolean doubtful = confusable || w.confidence() < UNSURE || (endsLikeFiller(text) && isolated(words, i));
            double seconds = w.end() - w.start();
            if (!FILLERS.contains(text) && doubtful && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS && apart(words, i)) {
                String filler = hear(chunk, w.start() - chunkStart, w.end() - chunkStart);
                // "no word fits" is weaker evidence than a filler named: it counts only for a word set apart on both
                // sides (the tail of "coming" heard as "him" fits nothing either, but runs on into the next word)
                if (filler != null && (!filler.isEmpty() || isolated(words, i))) {
                    out.add(new RecognizedWord(filler.isEmpty() ? likely(text) : filler, w.start(), w.end(), w.confidence()));
                    continue;
                }
            }
            out.add(w);
        }
        if (activity != null) {
            for (double[] gap : wordless(out, chunk.length, chunkStart, activity)) {
                String filler = hear(chunk, gap[0] - chunkStart, gap[1] - chunkStart);
                if (filler != null && gap[1] - gap[0] <= MAX_SECONDS) {
                    out.add(new RecognizedWord(filler.isEmpty() ? "uh" : filler, gap[0], gap[1], 0));
                }
            }
            out.sort((a, b) -> Double.compare(a.start(), b.start()));
        }
        return merged(out);
    }

    /** A hesitation stands apart: a moment of silence before or after it ("them" in "most of them use" does not). */
    private static boolean apart(List<RecognizedWord> words, int i) {
        double before = i == 0 ? Double.MAX_VALUE : words.get(i).start() - words.get(i - 1).end();
        double after = i + 1 >= words.size() ? Double.MAX_VALUE : words.get(i + 1).start() - words.get(i).end();
        return Math.max(before, after) >= APART_SECONDS;
    }

    /** A one-syllable-sized word ending in a nasal or an r, as "um" and "er" do ("down", "done", "four"). */
    static boolean endsLikeFiller(String heard) {
        return heard.length() <= SHORT_WORD_LETTERS && (heard.endsWith("m") || heard.endsWith("n") || heard.endsWith("r"));
    }

    /** Silence before and after the word (a moment at least, on both sides). */
    private static boolean isolated(List<RecognizedWord> words, int i) {
        double before = i == 0 ? Double.MAX_VALUE : words.get(i).start() - words.get(i - 1).end();
        double after = i + 1 >= words.size() ? Double.MAX_VALUE : words.get(i + 1).start() - words.get(i).end();
        return Math.min(before, after) >= APART_SECONDS;
    }

    /** Which filler a word most likely was: a nasal ending is an "um", an r-coloured one an "er". */
    static String likely(String heard) {
        if (HEARD_AS_UM.contains(heard) || heard.endsWith("m") || heard.endsWith("n")) {
            return "um";
        }
        if (HEARD_AS_ER.contains(heard) || heard.endsWith("r")) {
            return "er";
        }
        return "uh";
    }

    /** Stretches where the voice activity hears speech for a while but no word was recognised. */
    private static List<double[]> wordless(List<RecognizedWord> words, int samples, double chunkStart, VoiceActivity activity) {
        List<double[]> out = new ArrayList<>();
        long first = Math.round(chunkStart * VoiceActivity.SAMPLE_RATE);
        double step = (double) VoiceActivity.WINDOW / VoiceActivity.SAMPLE_RATE;
        double runStart = -1;
        for (long s = first - first % VoiceActivity.WINDOW; s <= first + samples; s += VoiceActivity.WINDOW) {
            double t = (double) s / VoiceActivity.SAMPLE_RATE;
            boolean voice = s < first + samples && !activity.quietAt(s) && t >= chunkStart && !covered(words, t, t + step);
            if (voice && runStart < 0) {
                runStart = t;
            } else if (!voice && runStart >= 0) {
                if (t - runStart >= MIN_WORDLESS_SECONDS) {
                    out.add(new double[] {runStart, t});
                }
                runStart = -1;
            }
        }
        return out;
    }

    private static boolean covered(List<RecognizedWord> words, double from, double to) {
        for (RecognizedWord w : words) {
            if (w.start() - 0.05 < to && w.end() + 0.05 > from) {
                return true;
            }
        }
        return false;
    }

    /** Neighbouring pieces of one hesitation ("ah" + "i'm" for a long "um") become one filler. */
    private static List<RecognizedWord> merged(List<RecognizedWord> words) {
        List<RecognizedWord> out = new ArrayList<>();
        for (RecognizedWord w : words) {
            RecognizedWord last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && FILLERS.contains(last.text()) && FILLERS.contains(w.text()) && w.start() - last.end() < 0.15) {
                String text = last.text().equals("um") || w.text().equals("um") ? "um" : last.text();
                out.set(out.size() - 1, new RecognizedWord(text, last.start(), Math.max(last.end(), w.end()),
                        Math.min(last.confidence(), w.confidence())));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Hears [from, to) (seconds into the chunk) with the filler grammar: the filler it names, "" when no word
     * fits it at all, or null when it is some real word.
     */
    private String hear(short[] chunk, double from, double to) {
        int a = (int) Math.max(0, Math.round((from - PAD_SECONDS) * VoiceActivity.SAMPLE_RATE));
        int b = (int) Math.min(chunk.length, Math.round((to + PAD_SECONDS) * VoiceActivity.SAMPLE_RATE));
        if (b - a < MIN_SECONDS * VoiceActivity.SAMPLE_RATE) {
            return null;
        }
        if (grammar == null) {
            grammar = new Recognizer(model, VoiceActivity.SAMPLE_RATE, GRAMMAR);
            grammar.setWords(true);
        }
        short[] span = Arrays.copyOfRange(chunk, a, b);
        grammar.acceptWaveForm(span, span.length);
        String text;
        try {
            text = Json.mapper().readTree(grammar.getFinalResult()).path("text").asText("").trim();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON", e);
        }
        if (text.isEmpty()) {
            return "";
        }
        for (String h : text.split("\\s+")) {
            if (FILLERS.contains(h)) {
                return h;
            }
        }
        return null; // [unk]: some real word
    }

    void close() {
        if (grammar != null) {
            grammar.close();
            grammar = null;
        }
    }
}
