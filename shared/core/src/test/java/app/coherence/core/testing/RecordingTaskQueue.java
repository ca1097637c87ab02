package app.coherence.core.testing;

import app.coherence.core.upload.TaskQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test fixture: a task queue that records what was enqueued, named per video like Cloud Tasks. */
public class RecordingTaskQueue implements TaskQueue {
    private final Set<String> tasks = new LinkedHashSet<>();
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized boolean enqueueAnalysis(String videoId) {
        calls.add(videoId);
        return tasks.add(videoId);
    }

    @Override
    public synchronized boolean enqueueAnalysisAgain(String videoId, java.time.Instant leftAt) {
        calls.add(videoId);
        return tasks.add(TaskQueue.againName(videoId, leftAt));
    }

    /** The task names (a video's first task is named after it), each once. */
    public synchronized List<String> tasks() {
        return List.copyOf(tasks);
    }

    /** Every enqueue call, repeats included. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
