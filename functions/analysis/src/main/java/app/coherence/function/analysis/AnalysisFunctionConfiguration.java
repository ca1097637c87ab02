package app.coherence.function.analysis;

import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.job.AnalysisEvents;
import app.coherence.core.job.AnalysisJob;
import app.coherence.core.job.JobSettings;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code analyzeTask} function bean: POST /tasks/analyze, callable only by the task queue. */
@Configuration(proxyBeanMethods = false)
public class AnalysisFunctionConfiguration {

    /** Closed at shutdown: running attempts stop and free their lease, so the next delivery resumes at once. */
    @Bean
    public AnalysisJob analysisJob(VideoStore videos, AnalysisStore analyses, BlobStore blobs, VideoAnalyzer analyzer,
                                   AnalysisEvents events, JobSettings jobSettings, Clock clock) {
        return new AnalysisJob(videos, analyses, blobs, analyzer, events, jobSettings, clock);
    }

    @Bean
    public SmartLifecycle analysisShutdown(AnalysisJob analysisJob) {
        return new AnalysisShutdown(analysisJob);
    }

    @Bean
    public HttpFunction analyzeTask(TaskCallerCheck taskCallerCheck, AnalysisJob analysisJob) {
        AnalyzeTaskFunction tasks = new AnalyzeTaskFunction(taskCallerCheck, analysisJob);
        return HttpFunctions.guarded(HttpRoutes.builder()
                .route("POST", "/tasks/analyze", tasks::analyze)
                .build());
    }
}
