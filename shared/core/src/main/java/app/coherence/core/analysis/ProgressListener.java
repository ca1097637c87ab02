package app.coherence.core.analysis;

/** Receives progress while a video is analysed; stages are decode, speech, vision, scoring. */
@FunctionalInterface
public interface ProgressListener {

    /** Called as work advances; {@code percent} is overall (0-100), not per stage. */
    void onProgress(String stage, int percent);

    ProgressListener NONE = (stage, percent) -> { };
}
