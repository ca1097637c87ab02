package app.coherence.local;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.job.JobSettings;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.upload.UploadRules;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.task.DispatcherSettings;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.embedded.task.RetryPolicy;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.gcp.accounts.AccountsPortsConfiguration;
import app.coherence.gcp.accounts.BillingPortsConfiguration;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.firestore.FirestoreStoresConfiguration;
import app.coherence.gcp.pubsub.PubSubAnalysisEvents;
import app.coherence.gcp.pubsub.PubSubConnection;
import com.google.cloud.firestore.Firestore;
import com.google.firebase.FirebaseApp;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The ports every function may inject, for one machine: the Firestore adapters on the emulator (and
 * the account and billing ports of accounts-billing's configurations), files for blobs, the in-process task
 * dispatcher, Pub/Sub on the emulator, Firebase Auth on its emulator.
 */
@Configuration(proxyBeanMethods = false)
@Import({AccountsPortsConfiguration.class, BillingPortsConfiguration.class, FirestoreStoresConfiguration.class})
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
                settings.dataPath().resolve("work").toAbsolutePath());
    }

    /** The admin client of the Firestore emulator (bypasses the rules, as the admin SDK does in GCP). */
    @Bean(destroyMethod = "close")
    public Firestore firestore(LocalEmulators emulators, LocalSettings settings) {
        return FirestoreClients.forEmulator(emulators.firestore().hostPort(), settings.projectId());
    }

    /** The real pipeline: javacv decode, Vosk speech, voice and vision features, rules and score. */
    @Bean
    public VideoAnalyzer videoAnalyzer() {
        return CoherenceAnalyzer.withDefaultSpeech();
    }

    /** ID tokens of the Auth emulator, verified by firebase-admin (FIREBASE_AUTH_EMULATOR_HOST mode). */
    @Bean(destroyMethod = "")
    public FirebaseIdentity identity(LocalEmulators emulators, LocalSettings settings, FirebaseAppRelease release) {
        return FirebaseIdentity.forEmulator(emulators.auth().hostPort(), settings.projectId());
    }

    /**
     * firebase-admin keeps one app per name for the life of the JVM, and with it the Auth emulator address
     * of its first use: a stopped local system deletes its apps, so a system started again in the same
     * JVM (the restart test) reaches its own emulator.
     */
    @Bean(destroyMethod = "close")
    public FirebaseAppRelease firebaseAppRelease() {
        return new FirebaseAppRelease();
    }

    /** Deletes the Firebase apps this JVM created when closed. */
    public static final class FirebaseAppRelease implements AutoCloseable {
        @Override
        public void close() {
            for (FirebaseApp app : FirebaseApp.getApps()) {
                app.delete();
            }
        }
    }

    @Bean(destroyMethod = "close")
    public PubSubConnection pubSubConnection(LocalEmulators emulators, LocalSettings settings) {
        PubSubConnection pubsub = PubSubConnection.emulator(emulators.pubsub().hostPort(), settings.projectId());
        pubsub.ensureTopic(PubSubAnalysisEvents.TOPIC);
        return pubsub;
    }

    @Bean(destroyMethod = "close")
    public PubSubAnalysisEvents analysisEvents(PubSubConnection pubsub) {
        return new PubSubAnalysisEvents(pubsub.publisher(PubSubAnalysisEvents.TOPIC));
    }

    @Bean
    public FileSystemBlobStore blobStore(LocalSettings settings, LocalAddress address, Clock clock) {
        return new FileSystemBlobStore(settings.blobDir(), settings.bucket(),
                LocalSecrets.blobSecret(settings.blobSecret(), settings.dataPath()), address::baseUrl, clock);
    }

    @Bean
    public TaskSecret taskSecret(LocalSettings settings) {
        return new TaskSecret(LocalSecrets.taskSecret(settings.taskSecret()));
    }

    /** The task endpoints accept only calls carrying the dispatcher's (and the local scheduler's) secret. */
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

    /** The shared secret between the dispatcher and the task endpoints. */
    public record TaskSecret(String value) {
        @Override
        public String toString() {
            return "TaskSecret[****]";
        }
    }
}
