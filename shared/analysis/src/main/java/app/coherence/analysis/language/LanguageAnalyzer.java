package app.coherence.analysis.language;

import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.voice.FilledPause;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads the recognised words (plus the voice's filled-pause candidates) into language features. */
public final class LanguageAnalyzer {
    /** A silence this long before a word makes it a clause start; after it, the word stands isolated. */
    static final double CLAUSE_GAP = 0.3;
    static final double PACE_WINDOW = 20;
    static final double PACE_STEP = 5;
    static final double MID_SENTENCE_PAUSE = 3;
    /** A sentence ends at a silence this long after a word a sentence can end on; a segment is cut after this many words. */
    static final double SENTENCE_GAP = 0.5;
    static final int SEGMENT_WORDS = 40;

    public LanguageFeatures analyze(List<RecognizedWord> recognised, List<FilledPause> filledPauseCandidates) {
        List<SpokenWord> words = new ArrayList<>();
        for (RecognizedWord r : recognised) {
            String text = r.text() == null ? "" : r.text().trim().toLowerCase(Locale.ROOT);
            if (text.isEmpty() || text.startsWith("[") || text.startsWith("<")) {
                continue; // [unk] and friends carry no word
            }
            words.add(new SpokenWord(text, r.start(), r.end(), r.confidence(), Lexicon.FILLERS.contains(text), false));
        }
        words.sort(Comparator.comparingDouble(SpokenWord::start));
        markPositionalFillers(words);
        mergeAcousticFillers(words, filledPauseCandidates);

        List<SpokenWord> fillers = words.stream().filter(SpokenWord::filler).filter(w -> !w.text().isEmpty()).toList();
        List<SpokenWord> spoken = words.stream().filter(w -> !w.filler()).toList();
        return new LanguageFeatures(List.copyOf(words), fillers, count(spoken, Lexicon.HEDGES), repeats(spoken),
                wordsPerMinute(spoken), pace(spoken), phrases(spoken, Lexicon.DEICTIC),
                singles(spoken, Lexicon.EMPHASIS), emotion(spoken), midSentencePauses(spoken),
                segments(words));
    }

    /** "so", "like", "you know"... are fillers only at a clause start or isolated by pauses. */
    private static void markPositionalFillers(List<SpokenWord> words) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).filler()) {
                continue;
            }
            for (String phrase : Lexicon.POSITIONAL_FILLERS) {
                String[] parts = phrase.split(" ");
                if (!matches(words, i, parts)) {
                    continue;
                }
                int last = i + parts.length - 1;
                double before = i == 0 ? Double.MAX_VALUE : words.get(i).start() - words.get(i - 1).end();
                double after = last + 1 >= words.size() ? Double.MAX_VALUE : words.get(last + 1).start() - words.get(last).end();
                boolean clauseStart = before >= CLAUSE_GAP && last + 1 < words.size();
                boolean isolated = after >= CLAUSE_GAP && before >= CLAUSE_GAP;
                if (clauseStart || isolated) {
                    words.set(i, words.get(i).asFiller(phrase));
                    for (int k = i + 1; k <= last; k++) {
                        words.set(k, words.get(k).asFiller("")); // the phrase counts once, by its first word
                    }
                    i = last;
                }
                break;
            }
        }
    }

    /**
     * A filled pause the voice heard becomes a filler: it relabels a word the recogniser misheard
     * ("am", "on"...) when that is all it overlaps, or is inserted where no word was recognised.
     */
    private static void mergeAcousticFillers(List<SpokenWord> words, List<FilledPause> candidates) {
        if (words.isEmpty()) {
            return;
        }
        double first = words.get(0).start();
        double last = words.get(words.size() - 1).end();
        for (FilledPause pause : candidates) {
            TimeSpan c = pause.span();
            if (c.end() < first || c.start() > last) {
                continue; // before or after the talk: humming, not hesitation
            }
            List<Integer> touching = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                SpokenWord w = words.get(i);
                if (c.overlap(w.start(), w.end()) > 0.3 * Math.min(c.seconds(), w.end() - w.start())) {
                    touching.add(i);
                }
            }
            if (touching.isEmpty()) {
                int at = 0;
                while (at < words.size() && words.get(at).start() < c.start()) {
                    at++;
                }
                words.add(at, new SpokenWord(pause.sound(), c.start(), c.end(), Double.NaN, true, true));
            } else if (touching.size() == 1) {
                SpokenWord w = words.get(touching.get(0));
                if (!w.filler() && Lexicon.FILLER_CONFUSIONS.contains(w.text())) {
                    words.set(touching.get(0), new SpokenWord(pause.sound(), w.start(), w.end(), w.confidence(), true, true));
                }
            }
        }
    }

    private static boolean matches(List<SpokenWord> words, int at, String[] parts) {
        if (at + parts.length > words.size()) {
            return false;
        }
        for (int k = 0; k < parts.length; k++) {
            if (!words.get(at + k).text().equals(parts[k])) {
                return false;
            }
        }
        return true;
    }

    private static int count(List<SpokenWord> words, List<String> phrases) {
        int n = 0;
        for (int i = 0; i < words.size(); i++) {
            for (String phrase : phrases) {
                if (matches(words, i, phrase.split(" "))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Stutters and restarts: a word or a two-word phrase said twice in a row. */
    private static int repeats(List<SpokenWord> words) {
        int n = 0;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).text().equals(words.get(i - 1).text())) {
                n++;
            } else if (i >= 3 && words.get(i).text().equals(words.get(i - 2).text())
                    && words.get(i - 1).text().equals(words.get(i - 3).text())) {
                n++;
            }
        }
        return n;
    }

    private static double wordsPerMinute(List<SpokenWord> words) {
        if (words.size() < 2) {
            return 0;
        }
        double seconds = words.get(words.size() - 1).end() - words.get(0).start();
        return seconds < 1 ? 0 : words.size() * 60 / seconds;
    }

    private static List<PaceWindow> pace(List<SpokenWord> words) {
        if (words.size() < 2) {
            return List.of();
        }
        double from = words.get(0).start();
        double to = words.get(words.size() - 1).end();
        List<PaceWindow> out = new ArrayList<>();
        if (to - from < PACE_WINDOW) {
            return List.of(new PaceWindow(from, to, wordsPerMinute(words)));
        }
        for (double t = from; t + PACE_WINDOW <= to + 1e-9; t += PACE_STEP) {
            double end = t + PACE_WINDOW;
            double start = t;
            long n = words.stream().filter(w -> w.middle() >= start && w.middle() < end).count();
            out.add(new PaceWindow(start, end, n * 60.0 / PACE_WINDOW));
        }
        return List.copyOf(out);
    }

    private static List<Phrase> phrases(List<SpokenWord> words, List<String> lexicon) {
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (String phrase : lexicon) {
                String[] parts = phrase.split(" ");
                if (matches(words, i, parts)) {
                    out.add(new Phrase(phrase, words.get(i).start(), words.get(i + parts.length - 1).end()));
                    i += parts.length - 1;
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Phrase> singles(List<SpokenWord> words, java.util.Set<String> lexicon) {
        return words.stream().filter(w -> lexicon.contains(w.text()))
                .map(w -> new Phrase(w.text(), w.start(), w.end())).toList();
    }

    /** Emotion words, except as politeness: "happy to help", "love to hear" name no feeling. */
    private static List<Phrase> emotion(List<SpokenWord> words) {
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            SpokenWord w = words.get(i);
            boolean polite = i + 1 < words.size() && words.get(i + 1).text().equals("to");
            if (Lexicon.EMOTION.contains(w.text()) && !polite) {
                out.add(new Phrase(w.text(), w.start(), w.end()));
            }
        }
        return List.copyOf(out);
    }

    private static List<TimeSpan> midSentencePauses(List<SpokenWord> words) {
        List<TimeSpan> out = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            SpokenWord before = words.get(i - 1);
            double gap = words.get(i).start() - before.end();
            if (gap > MID_SENTENCE_PAUSE && Lexicon.CONTINUES.contains(before.text())) {
                out.add(new TimeSpan(before.end(), words.get(i).start()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Sentences: cut where a pause follows a word a sentence can end on (or after many words without one).
     * Each text's space-separated tokens line up with its words' (a "you know" filler takes two), so clients can
     * show every word in its cased, punctuated form.
     */
    private static List<TranscriptSegment> segments(List<SpokenWord> words) {
        List<TranscriptSegment> out = new ArrayList<>();
        List<SpokenWord> current = new ArrayList<>();
        boolean opens = true; // a segment cut for length goes on with the sentence, not a capital
        for (SpokenWord w : words) {
            if (w.text().isEmpty()) {
                continue;
            }
            if (!current.isEmpty()) {
                boolean closes = sentenceEndsBefore(current, w);
                if (closes || current.size() >= SEGMENT_WORDS) {
                    out.add(segment(current, opens, closes));
                    current = new ArrayList<>();
                    opens = closes;
                }
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(segment(current, opens, true));
        }
        return List.copyOf(out);
    }

    /** A pause after a word a sentence can end on, before a word that is not a filler's continuation. */
    private static boolean sentenceEndsBefore(List<SpokenWord> sentence, SpokenWord next) {
        SpokenWord last = sentence.get(sentence.size() - 1);
        SpokenWord lastWord = null;
        for (int i = sentence.size() - 1; i >= 0 && lastWord == null; i--) {
            if (!sentence.get(i).filler()) {
                lastWord = sentence.get(i);
            }
        }
        return next.start() - last.end() >= SENTENCE_GAP && lastWord != null && !last.filler()
                && !Lexicon.CONTINUES.contains(lastWord.text());
    }

    private static TranscriptSegment segment(List<SpokenWord> words, boolean opens, boolean closed) {
        double confidence = words.stream().filter(w -> !Double.isNaN(w.confidence()))
                .mapToDouble(SpokenWord::confidence).average().orElse(0);
        List<TranscriptSegment.Word> out = words.stream()
                .map(w -> new TranscriptSegment.Word(w.text(), round(w.start()), round(w.end()), w.filler())).toList();
        return new TranscriptSegment(sentence(words, opens, closed), round(words.get(0).start()),
                round(words.get(words.size() - 1).end()), round(confidence), out);
    }

    /** Reads as text: a sentence's first letter and "I" upper case, a comma after a hesitation, a full stop when it ended. */
    static String sentence(List<SpokenWord> words, boolean opens, boolean closed) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            SpokenWord w = words.get(i);
            for (String t : w.text().split(" ")) { // "i mean" is one filler of two words
                if (t.equals("i") || t.startsWith("i'")) {
                    t = "I" + t.substring(1);
                }
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(t);
            }
            boolean hesitation = w.filler() && Lexicon.FILLERS.contains(w.text());
            if (hesitation && i + 1 < words.size()) {
                text.append(',');
            }
        }
        if (text.length() > 0) {
            if (opens) {
                text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
            }
            if (closed) {
                text.append('.');
            }
        }
        return text.toString();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
