package app.coherence.analysis;

/**
 * How the pipeline reads a video: accepted duration and how densely frames are sampled for vision.
 *
 * @param maxSeconds     longest accepted talk (TOO_LONG above)
 * @param minSeconds     shortest accepted talk (TOO_SHORT below)
 * @param framesPerSecond frames looked at per second of video (the rest are decoded, never converted)
 * @param frameWidth     width the sampled frames are scaled to before vision
 */
public record AnalysisSettings(double maxSeconds, double minSeconds, double framesPerSecond, int frameWidth) {

    /** 20 minutes at most, 5 s at least, 4 frames per second at 640 pixels wide (a face a twelfth of the frame high is then 30 px). */
    public static final AnalysisSettings DEFAULT = new AnalysisSettings(20 * 60, 5, 4, 640);

    public AnalysisSettings {
        if (maxSeconds <= minSeconds || minSeconds < 0) {
            throw new IllegalArgumentException("need 0 <= minSeconds < maxSeconds");
        }
        if (framesPerSecond <= 0 || framesPerSecond > 30 || frameWidth < 64) {
            throw new IllegalArgumentException("framesPerSecond must be in (0, 30] and frameWidth >= 64");
        }
    }

    public AnalysisSettings withMaxSeconds(double max) {
        return new AnalysisSettings(max, minSeconds, framesPerSecond, frameWidth);
    }
}
