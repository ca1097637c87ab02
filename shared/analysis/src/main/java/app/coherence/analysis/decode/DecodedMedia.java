package app.coherence.analysis.decode;

/** What one pass over a file found: how long it really is, and how much was looked at. */
public record DecodedMedia(double durationSeconds, double audioSeconds, int videoFrames, int sampledFrames) {
}
