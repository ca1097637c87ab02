package app.coherence.analysis.voice;

import app.coherence.analysis.TimeSpan;

/**
 * A hesitation sound heard in the voice alone: where it is, and which one ("um" when it closes on a
 * nasal hum, else "uh"), so a speaker's habits are reported as they are.
 */
public record FilledPause(TimeSpan span, String sound) {
    public static final String UM = "um";
    public static final String UH = "uh";
}
