package app.coherence.core.video;

/** How far the analysis of one video has come: a stage name, 0-100 percent, and an estimate of seconds left. */
public record Progress(String stage, int percent, Integer etaSeconds) {

    public Progress {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0-100, was " + percent);
        }
    }

    public static Progress of(String stage, int percent) {
        return new Progress(stage, percent, null);
    }
}
