package app.coherence.gcp;

import com.google.cloud.ServiceOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The environment of every function and of the analysis service in GCP (set by infra/config.tf).
 * Read lazily: a function fails at the first use of a port whose variable is missing, with its name.
 */
public final class GcpSettings {
    public static final String PROJECT = "GOOGLE_CLOUD_PROJECT";
    public static final String UPLOADS_BUCKET = "COHERENCE_UPLOADS_BUCKET";
    public static final String TASKS_LOCATION = "COHERENCE_TASKS_LOCATION";
    public static final String TASKS_QUEUE = "COHERENCE_TASKS_QUEUE";
    public static final String ANALYSIS_URL = "COHERENCE_ANALYSIS_URL";
    public static final String ANALYSIS_AUDIENCE = "COHERENCE_ANALYSIS_AUDIENCE";
    public static final String TASKS_SERVICE_ACCOUNT = "COHERENCE_TASKS_SERVICE_ACCOUNT";
    public static final String EVENTS_TOPIC = "COHERENCE_EVENTS_TOPIC";
    /** Analysis service only (infra/run.tf): where the uploads bucket is mounted read-only. */
    public static final String UPLOADS_MOUNT = "COHERENCE_UPLOADS_MOUNT";
    public static final String FIRESTORE_EMULATOR_HOST = "FIRESTORE_EMULATOR_HOST";
    public static final String PUBSUB_EMULATOR_HOST = "PUBSUB_EMULATOR_HOST";
    public static final String AUTH_EMULATOR_HOST = "FIREBASE_AUTH_EMULATOR_HOST";

    private final Environment env;

    public GcpSettings(Environment env) {
        this.env = env;
    }

    /** GOOGLE_CLOUD_PROJECT, else the project the client libraries detect (metadata server, gcloud config). */
    public String projectId() {
        return optional(PROJECT).or(() -> Optional.ofNullable(ServiceOptions.getDefaultProjectId()))
                .orElseThrow(() -> missing(PROJECT, "the Google Cloud project id"));
    }

    public String uploadsBucket() {
        return required(UPLOADS_BUCKET, "the bucket uploads go to");
    }

    public String tasksLocation() {
        return required(TASKS_LOCATION, "the region of the Cloud Tasks queue");
    }

    public String tasksQueue() {
        return required(TASKS_QUEUE, "the Cloud Tasks queue of analysis jobs");
    }

    public String analysisUrl() {
        return required(ANALYSIS_URL, "the analysis service's task endpoint (https://.../tasks/analyze)");
    }

    /** The OIDC audience of task calls: COHERENCE_ANALYSIS_AUDIENCE, else the analysis URL's origin. */
    public String analysisAudience() {
        return optional(ANALYSIS_AUDIENCE).orElseGet(() -> {
            java.net.URI url = java.net.URI.create(analysisUrl());
            return url.getScheme() + "://" + url.getAuthority();
        });
    }

    public String tasksServiceAccount() {
        return required(TASKS_SERVICE_ACCOUNT, "the service account whose OIDC token analysis tasks carry");
    }

    public String eventsTopic() {
        return optional(EVENTS_TOPIC).orElse("analysis-events");
    }

    /** Where the uploads bucket is mounted (Cloud Storage FUSE), if it is: videos are then read in place. */
    public Optional<Path> uploadsMount() {
        return optional(UPLOADS_MOUNT).map(Path::of);
    }

    public Optional<String> firestoreEmulatorHost() {
        return optional(FIRESTORE_EMULATOR_HOST);
    }

    public Optional<String> pubsubEmulatorHost() {
        return optional(PUBSUB_EMULATOR_HOST);
    }

    public Optional<String> authEmulatorHost() {
        return optional(AUTH_EMULATOR_HOST);
    }

    private Optional<String> optional(String name) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private String required(String name, String meaning) {
        return optional(name).orElseThrow(() -> missing(name, meaning));
    }

    private static IllegalStateException missing(String name, String meaning) {
        return new IllegalStateException("environment variable " + name + " is not set: it names " + meaning);
    }
}
