package app.coherence.function.analysis;

import app.coherence.core.job.AnalysisJob;
import org.springframework.context.SmartLifecycle;

/**
 * Stops running analysis attempts when the service shuts down, before the web server stops (a higher
 * phase stops first): the in-flight task answers 503 with its lease freed instead of holding the
 * shutdown up, and the next delivery (or a restart of local/) resumes the video at once.
 */
final class AnalysisShutdown implements SmartLifecycle {
    private final AnalysisJob job;
    private volatile boolean running;

    AnalysisShutdown(AnalysisJob job) {
        this.job = job;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        job.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
