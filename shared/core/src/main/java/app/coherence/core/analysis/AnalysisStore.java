package app.coherence.core.analysis;

import java.util.Optional;

/** Port: full analysis results ({@code analyses/{videoId}}). */
public interface AnalysisStore {

    /** Stores (or replaces) the result of one video; idempotent. */
    void save(String userId, AnalysisResult result);

    Optional<AnalysisResult> find(String videoId);
}
