package app.coherence.local;

import app.coherence.core.job.JobSettings;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.upload.UploadRules;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.task.DispatcherSettings;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.embedded.task.RetryPolicy;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.gcp.firestore.FirestoreAnalysisStore;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.firestore.FirestoreSubscriptionStore;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ports every function may inject, for one machine: Firestore adapters on the emulator, files for
 * blobs, the in-process task dispatcher, Pub/Sub on the emulator, Firebase Auth on its emulator.
 */
@Configuration(proxyBeanMethods = false)
public class LocalPortsConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public UploadRules uploadRules() {
        return UploadRules.defaults();
    }

    @Bean
    public JobSettings jobSettings(LocalSettings settings) {
        return new JobSettings(settings.jobLease(), settings.jobProgressInterval(), settings.jobMaxAttempts(),
                settings.dataDir().resolve("work").toAbsolutePath());
    }

    /** The admin client of the Firestore emulator (bypasses the rules, as the admin SDK does in GCP). */
    @Bean(destroyMethod = "close")
    public Firestore firestore(LocalEmulators emulators, LocalSettings settings) {
        return FirestoreClients.forEmulator(emulators.firestore().hostPort(), settings.projectId());
    }

    @Bean
    public FirestoreVideoStore videoStore(Firestore db) {
        return new FirestoreVideoStore(db);
    }

    @Bean
    public FirestoreAnalysisStore analysisStore(Firestore db, Clock clock) {
        return new FirestoreAnalysisStore(db, clock);
    }

    @Bean
    public QuotaPolicy quotaPolicy(Environment env) {
        return new QuotaPolicy(PlanLimits.from(env::getProperty));
    }

    @Bean
    public FirestoreUploadLedger uploadLedger(Firestore db, QuotaPolicy policy) {
        return new FirestoreUploadLedger(db, policy);
    }

    @Bean
    public FirestoreUserStore userStore(Firestore db, Clock clock) {
        return new FirestoreUserStore(db, clock);
    }

    @Bean
    public FirestoreSubscriptionStore subscriptionStore(Firestore db, Clock clock) {
        return new FirestoreSubscriptionStore(db, clock);
    }

    @Bean
    public FileSystemBlobStore blobStore(LocalSettings settings, LocalAddress address, Clock clock) {
        return new FileSystemBlobStore(settings.blobDir(), settings.bucket(),
                LocalSecrets.blobSecret(settings.blobSecret(), settings.dataDir()), address::baseUrl, clock);
    }

    @Bean
    public TaskSecret taskSecret(LocalSettings settings) {
        return new TaskSecret(LocalSecrets.taskSecret(settings.taskSecret()));
    }

    /** The analysis endpoint accepts only calls carrying the dispatcher's secret. */
    @Bean
    public TaskCallerCheck taskCallerCheck(TaskSecret secret) {
        return new SharedSecretTaskCallerCheck(secret.value());
    }

    @Bean(destroyMethod = "close")
    public LocalTaskDispatcher taskQueue(LocalSettings settings, LocalAddress address, TaskSecret secret, Clock clock) {
        RetryPolicy retry = new RetryPolicy(settings.taskMaxAttempts(), settings.taskMinBackoff(),
                settings.taskMaxBackoff(), settings.taskMaxDoublings());
        DispatcherSettings dispatcher = new DispatcherSettings(retry, settings.taskConcurrency(),
                settings.taskAttemptTimeout(), DispatcherSettings.defaults().nameReuseWindow());
        return new LocalTaskDispatcher(dispatcher, address::analyzeTaskUri, secret.value(), clock);
    }

    /** The shared secret between the dispatcher and the analysis endpoint. */
    public record TaskSecret(String value) {
        @Override
        public String toString() {
            return "TaskSecret[****]";
        }
    }
}
