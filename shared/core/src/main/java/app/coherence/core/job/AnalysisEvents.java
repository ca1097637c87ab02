package app.coherence.core.job;

/** Port: the analysis-events topic. */
public interface AnalysisEvents {

    void publish(AnalysisEvent event);
}
