package app.coherence.analysis.decode;

import app.coherence.analysis.TimeSpan;
import java.util.List;

/**
 * What one pass over a file found: how long it really is, how much was looked at, and the stretches that
 * could not be decoded (damaged bytes), in time order.
 */
public record DecodedMedia(double durationSeconds, double audioSeconds, int videoFrames, int sampledFrames,
                           List<TimeSpan> damaged) {
    public DecodedMedia {
        damaged = List.copyOf(damaged);
    }
}
