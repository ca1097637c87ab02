package app.coherence.analysis.language;

/**
 * A word of the talk: recognised, or a filled pause heard only acoustically ({@code acoustic}).
 * Text is lower case; {@code filler} marks um/uh and fillers by position (an isolated "so", "like").
 */
public record SpokenWord(String text, double start, double end, double confidence, boolean filler, boolean acoustic) {

    public double middle() {
        return (start + end) / 2;
    }

    SpokenWord asFiller(String as) {
        return new SpokenWord(as, start, end, confidence, true, acoustic);
    }
}
