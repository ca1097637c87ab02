package app.coherence.core.testing;

import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.job.AnalysisEvents;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: remembers every published event; can be told to fail the next publications. */
public class RecordingAnalysisEvents implements AnalysisEvents {
    private final List<AnalysisEvent> published = new ArrayList<>();
    private int failures;

    @Override
    public synchronized void publish(AnalysisEvent event) {
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("topic unavailable (scripted)");
        }
        published.add(event);
    }

    /** The next {@code count} publications fail. */
    public synchronized void failNext(int count) {
        failures = count;
    }

    public synchronized List<AnalysisEvent> published() {
        return List.copyOf(published);
    }
}
