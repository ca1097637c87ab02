package app.coherence.core.analysis;

/** The measured delivery metrics of one talk (docs/ARCHITECTURE.md, "Data model"). */
public record Metrics(
        double eyeContact,
        int fillerWords,
        double fillerRatePerMinute,
        double speakingPace,
        String speakingPaceTarget,
        Pauses pauses,
        VocalVariety vocalVariety,
        Gestures gestures,
        int fidgeting,
        Framing framing) {

    /** Pause count and the longest pause in seconds. */
    public record Pauses(int count, double longest) {
    }

    /** Pitch range in semitones and seconds spent monotone. */
    public record VocalVariety(double pitchRangeSemitones, double monotoneSeconds) {
    }

    /** Gestures per minute. */
    public record Gestures(double perMinute) {
    }

    /** Percent of sampled frames with a face, and with it centred. */
    public record Framing(double faceVisiblePct, double centeredPct) {
    }
}
