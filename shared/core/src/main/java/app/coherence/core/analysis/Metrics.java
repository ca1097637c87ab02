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
        Framing framing,
        double articulationRate) {

    /** Metrics without an articulation rate (0: not measured). */
    public Metrics(double eyeContact, int fillerWords, double fillerRatePerMinute, double speakingPace,
                   String speakingPaceTarget, Pauses pauses, VocalVariety vocalVariety, Gestures gestures, int fidgeting,
                   Framing framing) {
        this(eyeContact, fillerWords, fillerRatePerMinute, speakingPace, speakingPaceTarget, pauses, vocalVariety,
                gestures, fidgeting, framing, 0);
    }

    /**
     * Pauses of half a second or more: how many, the longest in seconds, and how many fell inside a sentence
     * (the sentence went on after it) or between sentences.
     */
    public record Pauses(int count, double longest, int insideSentences, int betweenSentences) {
        /** Count and longest only (where the pauses fell not told). */
        public Pauses(int count, double longest) {
            this(count, longest, 0, 0);
        }
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
