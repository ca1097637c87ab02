package app.coherence.analysis.testvideo;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated presentation video and the truth it was made from (all times in seconds).
 *
 * @param words           every spoken word (lower case, festival's own spelling), fillers excluded
 * @param fillers         scripted filled pauses ("um"/"uh")
 * @param deicticPhrases  occurrences of "as you can see", "look at this", "here"
 * @param emphasisWords   words the script marked as emphasised ({@code *word*})
 * @param gestures        spans in which a hand moves beside the body
 * @param slideChanges    times the slide changes (the first slide, at 0, is not a change)
 * @param faceAbsent      spans with no presenter in the picture
 * @param faceTurnedAway  spans in which the presenter's face is hidden (back of the head)
 */
public record GeneratedTalk(
        Path file,
        double durationSeconds,
        int width,
        int height,
        double fps,
        boolean hasVideo,
        boolean hasAudio,
        List<Word> words,
        List<FillerMark> fillers,
        List<Phrase> deicticPhrases,
        List<Phrase> emphasisWords,
        List<Span> gestures,
        List<Double> slideChanges,
        List<Span> faceAbsent,
        List<Span> faceTurnedAway) {

    /** A spoken word. */
    public record Word(String word, double start, double end) {
    }

    /** A scripted filler. */
    public record FillerMark(String word, double start, double end) {
    }

    /** A phrase and where it was spoken; {@code withSlideChange}/{@code withGesture} within ±3 s. */
    public record Phrase(String text, double start, double end, boolean withSlideChange, boolean withGesture) {
    }

    /** A stretch of time. */
    public record Span(double start, double end) {
        public boolean contains(double t) {
            return t >= start && t < end;
        }

        public double seconds() {
            return end - start;
        }
    }

    /** The spoken words joined by spaces (the reference transcript). */
    public String transcript() {
        return words.stream().map(Word::word).collect(Collectors.joining(" "));
    }

    /** Seconds from the first word's start to the last word's end. */
    public double speakingSeconds() {
        return words.isEmpty() ? 0 : words.get(words.size() - 1).end() - words.get(0).start();
    }

    /** Words per minute over the whole video. */
    public double wordsPerMinute() {
        return durationSeconds == 0 ? 0 : words.size() * 60.0 / durationSeconds;
    }

    /** Words per minute from the first to the last word. */
    public double wordsPerMinuteWhileSpeaking() {
        double s = speakingSeconds();
        return s == 0 ? 0 : words.size() * 60.0 / s;
    }

    /**
     * Words per minute over the speaking time: from the first to the last sound (words and fillers), less
     * every silence of half a second or more between them (the pipeline's pace).
     */
    public double wordsPerMinuteOverSpeakingTime() {
        List<Span> sounds = new java.util.ArrayList<>();
        words.forEach(w -> sounds.add(new Span(w.start(), w.end())));
        fillers.forEach(f -> sounds.add(new Span(f.start(), f.end())));
        sounds.sort(java.util.Comparator.comparingDouble(Span::start));
        if (sounds.isEmpty()) {
            return 0;
        }
        double speaking = 0;
        double from = sounds.get(0).start();
        double to = sounds.get(0).end();
        for (Span s : sounds) {
            if (s.start() - to >= 0.5) {
                speaking += to - from;
                from = s.start();
            }
            to = Math.max(to, s.end());
        }
        speaking += to - from;
        return words.size() * 60.0 / speaking;
    }

    /** Seconds in which the presenter's face cannot be seen (absent or turned away). */
    public double faceHiddenSeconds() {
        return faceAbsent.stream().mapToDouble(Span::seconds).sum() + faceTurnedAway.stream().mapToDouble(Span::seconds).sum();
    }
}
