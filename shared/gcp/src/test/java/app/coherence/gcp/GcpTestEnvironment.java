package app.coherence.gcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For tests: the environment infra/config.tf gives every deployment (GcpSettings' variables), naming a
 * project of the caller's and Google resources that tests never reach (Cloud Tasks, Cloud Storage,
 * the analysis service). Callers add the emulator hosts they use.
 */
public final class GcpTestEnvironment {

    private GcpTestEnvironment() {
    }

    /** A new, modifiable map of the deployment's variables for {@code projectId}. */
    public static Map<String, String> deployment(String projectId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(GcpSettings.PROJECT, projectId);
        env.put(GcpSettings.UPLOADS_BUCKET, "demo-coherence-uploads");
        env.put(GcpSettings.TASKS_LOCATION, "europe-west1");
        env.put(GcpSettings.TASKS_QUEUE, "analysis");
        env.put(GcpSettings.ANALYSIS_URL, "https://analysis-123.europe-west1.run.app/tasks/analyze");
        env.put(GcpSettings.ANALYSIS_AUDIENCE, "https://analysis-123.europe-west1.run.app");
        env.put(GcpSettings.TASKS_SERVICE_ACCOUNT, "tasks@demo-coherence.iam.gserviceaccount.com");
        env.put(GcpSettings.EVENTS_TOPIC, "analysis-events");
        return env;
    }
}
