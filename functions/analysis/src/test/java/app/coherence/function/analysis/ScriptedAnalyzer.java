package app.coherence.function.analysis;

import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ProgressListener;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.analysis.VideoAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for the media pipeline (an external component to the job): runs a script the test gives it,
 * which may report progress, wait, fail or return a result. The real CoherenceAnalyzer is tested end to
 * end by local/. Records how often it ran and the size of the file it was handed.
 */
final class ScriptedAnalyzer implements VideoAnalyzer {

    /** One analysis run. */
    @FunctionalInterface
    interface Script {
        AnalysisOutput run(String videoId, ProgressListener progress) throws Exception;
    }

    final AtomicInteger runs = new AtomicInteger();
    volatile long lastFileSize = -1;
    private volatile Script script;

    ScriptedAnalyzer(Script script) {
        this.script = script;
    }

    void script(Script next) {
        this.script = next;
    }

    @Override
    public AnalysisOutput analyze(Path videoFile, String videoId, ProgressListener progress) {
        runs.incrementAndGet();
        try {
            lastFileSize = Files.size(videoFile);
            return script.run(videoId, progress);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plausible report with the given score. */
    static AnalysisOutput result(String videoId, int score) {
        Metrics metrics = new Metrics(62.0, 3, 1.5, 148.0, "140-160", new Metrics.Pauses(2, 1.2),
                new Metrics.VocalVariety(7.5, 4.0), new Metrics.Gestures(5.0), 1, new Metrics.Framing(95.0, 80.0));
        AnalysisResult result = new AnalysisResult(videoId, 120.0, score, ScoreTier.of(score),
                metrics, List.of(), List.of(), List.of(), List.of("clear voice"), List.of("more eye contact"), List.of(), "test-1");
        return new AnalysisOutput(result, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
    }
}
