package app.coherence.core.testing;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: analysis results held in memory. */
public class InMemoryAnalysisStore implements AnalysisStore {
    private final Map<String, AnalysisResult> results = new ConcurrentHashMap<>();

    @Override
    public void save(String userId, AnalysisResult result) {
        results.put(result.videoId(), result);
    }

    @Override
    public Optional<AnalysisResult> find(String videoId) {
        return Optional.ofNullable(results.get(videoId));
    }
}
