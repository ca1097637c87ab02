package app.coherence.gcp;

import app.coherence.core.job.JobSettings;
import app.coherence.core.upload.UploadRules;
import app.coherence.gcp.accounts.AccountsPortsConfiguration;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.firestore.FirestoreStoresConfiguration;
import app.coherence.gcp.function.OidcTaskCallerCheck;
import app.coherence.gcp.pubsub.PubSubAnalysisEvents;
import app.coherence.gcp.pubsub.PubSubConnection;
import app.coherence.gcp.storage.GcsBlobStore;
import app.coherence.gcp.tasks.CloudTasksQueue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.QueueName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The ports every function may inject, on GCP: Firestore, Cloud Storage, Cloud Tasks, Pub/Sub and
 * Firebase Auth, configured from the environment ({@link GcpSettings}). Every bean is lazy, so a
 * function creates only the clients it uses (cold starts) and needs only their variables. With the
 * *_EMULATOR_HOST variables set, Firestore, Pub/Sub and Auth go to the emulators instead.
 * The analysis service adds its own {@code VideoAnalyzer} (shared/analysis).
 */
@Configuration(proxyBeanMethods = false)
@Import({AccountsPortsConfiguration.class, FirestoreStoresConfiguration.class})
@Lazy
public class GcpPortsConfiguration {

    @Bean
    public GcpSettings gcpSettings(Environment env) {
        return new GcpSettings(env);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public UploadRules uploadRules() {
        return UploadRules.defaults();
    }

    /** Cloud Run's /tmp is memory: the job deletes its downloads when done. */
    @Bean
    public JobSettings jobSettings() {
        return JobSettings.defaults();
    }

    @Bean(destroyMethod = "close")
    public Firestore firestore(GcpSettings settings) {
        return settings.firestoreEmulatorHost()
                .map(host -> FirestoreClients.forEmulator(host, settings.projectId()))
                .orElseGet(() -> FirestoreClients.forProject(settings.projectId()));
    }

    @Bean
    public Storage storage(GcpSettings settings) {
        return storageOptions(settings.projectId(), Deadlines.STORAGE, Deadlines.STORAGE_READ).build().getService();
    }

    /**
     * Cloud Storage's options: retries within {@code deadline}, each attempt's connect and socket read
     * within {@code read} (tests point them at a local endpoint, with shorter times).
     */
    public static StorageOptions.Builder storageOptions(String projectId, Duration deadline, Duration read) {
        return StorageOptions.newBuilder().setProjectId(projectId)
                .setRetrySettings(Deadlines.retries(deadline))
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout((int) read.toMillis())
                        .setReadTimeout((int) read.toMillis())
                        .build());
    }

    /** URLs are signed by the runtime service account through IAM signBlob (it needs Token Creator on itself). */
    @Bean
    public GcsBlobStore blobStore(Storage storage, GcpSettings settings, Clock clock) {
        return new GcsBlobStore(storage, settings.uploadsBucket(), null, clock, settings.uploadsMount().orElse(null));
    }

    @Bean(destroyMethod = "close")
    public CloudTasksClient cloudTasksClient() {
        try {
            return CloudTasksClient.create(cloudTasksSettings().build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Cloud Tasks client", e);
        }
    }

    /** Cloud Tasks' settings with createTask bounded by our deadline (tests point them at a local endpoint). */
    public static CloudTasksSettings.Builder cloudTasksSettings() {
        CloudTasksSettings.Builder settings = CloudTasksSettings.newBuilder();
        settings.createTaskSettings().setRetrySettings(Deadlines.retries(Deadlines.CLOUD_TASKS));
        return settings;
    }

    @Bean
    public CloudTasksQueue taskQueue(CloudTasksClient client, GcpSettings settings) {
        return new CloudTasksQueue(client,
                QueueName.of(settings.projectId(), settings.tasksLocation(), settings.tasksQueue()),
                settings.analysisUrl(), settings.tasksServiceAccount(), settings.analysisAudience());
    }

    /** The analysis service accepts only Cloud Tasks' OIDC calls from the queue's service account. */
    @Bean
    public OidcTaskCallerCheck taskCallerCheck(GcpSettings settings) {
        return new OidcTaskCallerCheck(settings.analysisAudience(), settings.tasksServiceAccount());
    }

    @Bean(destroyMethod = "close")
    public PubSubConnection pubSubConnection(GcpSettings settings) {
        return settings.pubsubEmulatorHost()
                .map(host -> PubSubConnection.emulator(host, settings.projectId()))
                .orElseGet(() -> PubSubConnection.gcp(settings.projectId()));
    }

    @Bean(destroyMethod = "close")
    public PubSubAnalysisEvents analysisEvents(PubSubConnection pubsub, GcpSettings settings) {
        return new PubSubAnalysisEvents(pubsub.publisher(settings.eventsTopic()));
    }

    @Bean
    public FirebaseIdentity identity(GcpSettings settings) {
        return settings.authEmulatorHost()
                .map(host -> FirebaseIdentity.forEmulator(host, settings.projectId()))
                .orElseGet(() -> FirebaseIdentity.forProject(settings.projectId()));
    }
}
