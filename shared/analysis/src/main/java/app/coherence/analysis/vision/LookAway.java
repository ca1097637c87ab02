package app.coherence.analysis.vision;

/** A stretch (seconds) in which the speaker faced away from the camera, and where they faced. */
public record LookAway(double start, double end, Gaze direction) {
}
