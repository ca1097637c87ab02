package app.coherence.analysis.language;

/** A phrase found in the transcript (deictic, emphasis or emotion word) and when it was said. */
public record Phrase(String text, double start, double end) {
}
