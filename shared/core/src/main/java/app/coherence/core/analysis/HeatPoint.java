package app.coherence.core.analysis;

/** One point of the timeline heatmap: a time and how much goes wrong there (0-1). */
public record HeatPoint(double timestamp, double severity) {
}
