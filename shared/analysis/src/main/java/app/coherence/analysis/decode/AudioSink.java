package app.coherence.analysis.decode;

/** Receives the decoded sound in order: 16 kHz mono signed 16-bit samples. */
@FunctionalInterface
public interface AudioSink {

    /** {@code samples} is owned by the receiver; {@code startSeconds} is the time of its first sample. */
    void accept(short[] samples, double startSeconds);
}
