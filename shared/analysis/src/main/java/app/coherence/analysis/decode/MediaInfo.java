package app.coherence.analysis.decode;

/** What the container says about a video before it is decoded. */
public record MediaInfo(String format, double durationSeconds, int width, int height, double frameRate, int audioChannels) {
}
