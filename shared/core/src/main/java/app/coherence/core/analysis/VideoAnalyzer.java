package app.coherence.core.analysis;

import java.nio.file.Path;

/** Port: turns one video file into a coherence report. Implemented by shared/analysis. */
public interface VideoAnalyzer {

    /**
     * Analyses {@code videoFile} in one pass, reporting progress.
     *
     * @throws MediaRejectedException when the file is not an analysable talk (never worth a retry)
     */
    AnalysisOutput analyze(Path videoFile, String videoId, ProgressListener progress);
}
