package app.coherence.core.analysis;

import java.util.List;

/** A stretch of recognised speech with its words and their timings. */
public record TranscriptSegment(String text, double start, double end, double confidence, List<Word> words) {

    /** One recognised (or acoustically detected) word; {@code filler} marks um/uh and friends. */
    public record Word(String word, double start, double end, boolean filler) {
    }
}
