package app.coherence.analysis.speech;

/**
 * How a recognition went: seconds of audio, chunks, the most chunks held in memory at once (queued or
 * being recognised), summed recogniser busy time over all threads, and wall time from the first
 * sample to the end of {@code finish}.
 */
public record RecognitionStats(double audioSeconds, int chunks, int mostChunksHeld, double busySeconds, double wallSeconds) {

    /** Recogniser CPU per second of audio (below 1 is faster than real time), whatever the thread count. */
    public double realTimeFactor() {
        return audioSeconds == 0 ? 0 : busySeconds / audioSeconds;
    }
}
