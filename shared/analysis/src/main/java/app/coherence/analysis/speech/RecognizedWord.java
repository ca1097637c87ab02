package app.coherence.analysis.speech;

/** One word as the recogniser heard it, with its timing (seconds) and confidence (0-1). */
public record RecognizedWord(String text, double start, double end, double confidence) {
}
