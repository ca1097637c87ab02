package app.coherence.analysis.speech;

import java.util.List;

/** One recognition in progress: audio goes in as it is decoded, words come out at the end. */
public interface SpeechSession extends AutoCloseable {

    /** Feeds the next {@code count} samples (16 kHz mono, signed 16-bit). */
    void accept(short[] samples, int count);

    /** Blocks until all fed audio is recognised; words sorted by start, in seconds from the stream start. */
    List<RecognizedWord> finish();

    /** CPU seconds the recogniser's threads spent on this session so far (0 when not measured). */
    default double cpuSeconds() {
        return 0;
    }

    /** Releases native resources; safe after finish and on failure. */
    @Override
    void close();
}
