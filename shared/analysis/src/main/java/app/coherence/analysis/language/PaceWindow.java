package app.coherence.analysis.language;

/** Words per minute over one rolling window of the talk. */
public record PaceWindow(double start, double end, double wordsPerMinute) {
}
