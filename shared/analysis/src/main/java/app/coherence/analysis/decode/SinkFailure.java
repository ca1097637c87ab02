package app.coherence.analysis.decode;

/**
 * Our own code that consumes decoded frames or samples (vision, voice) failed on data that decoded fine:
 * a fault of ours, retried, never blamed on the user's file, even when its cause is an OpenCV error.
 */
public final class SinkFailure extends IllegalStateException {
    public SinkFailure(String sink, Throwable cause) {
        super(sink + " failed on decoded data: " + cause, cause);
    }
}
