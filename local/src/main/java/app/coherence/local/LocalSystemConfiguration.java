package app.coherence.local;

import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.core.video.VideoStore;
import app.coherence.gcp.pubsub.AnalysisEventSubscription;
import app.coherence.gcp.pubsub.PubSubAnalysisEvents;
import app.coherence.gcp.pubsub.PubSubConnection;
import app.coherence.local.events.PubSubEvents;
import app.coherence.local.LocalPortsConfiguration.TaskSecret;
import app.coherence.local.events.StorageEventForwarder;
import app.coherence.local.web.FunctionRoutes;
import app.coherence.local.web.Readiness;
import app.coherence.function.analysis.AnalysisFunctionConfiguration;
import app.coherence.function.api.ApiFunctionConfiguration;
import app.coherence.function.api.billing.BillingFunctionConfiguration;
import app.coherence.function.notifier.NotifierFunctionConfiguration;
import app.coherence.function.quota.QuotaFunctionConfiguration;
import app.coherence.function.stripe.StripeWebhookFunctionConfiguration;
import app.coherence.function.uploadtrigger.UploadTriggerFunctionConfiguration;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything local/ runs: the ports, the functions, the web endpoints and the start/stop sequence. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalSettings.class)
@Import({LocalPortsConfiguration.class, LocalWebConfiguration.class,
        QuotaFunctionConfiguration.class, UploadTriggerFunctionConfiguration.class, AnalysisFunctionConfiguration.class,
        ApiFunctionConfiguration.class,
        BillingFunctionConfiguration.class, StripeWebhookFunctionConfiguration.class, NotifierFunctionConfiguration.class})
public class LocalSystemConfiguration {

    public static final String ANALYSIS_EVENTS_SUBSCRIPTION = "analysis-events-notifier";

    /** The function beans that must exist before the system reports ready. */
    static final List<String> REQUIRED_FUNCTIONS = List.of("uploads", "uploadTrigger", "analyzeTask", "api", "billing", "stripeWebhook",
            "analysisEventsNotifier");

    @Bean
    public LocalAddress localAddress(LocalSettings settings) {
        return new LocalAddress(settings.publicUrl());
    }

    @Bean(destroyMethod = "close")
    public StorageEventForwarder storageEventForwarder(@Qualifier("uploadTrigger") ObjectProvider<Consumer<CloudEvent>> uploadTrigger,
                                                       FileSystemBlobStore blobs, Clock clock) {
        StorageEventForwarder forwarder = new StorageEventForwarder(event -> {
            Consumer<CloudEvent> trigger = uploadTrigger.getIfAvailable();
            if (trigger == null) {
                throw new IllegalStateException("the uploadTrigger function is not running here");
            }
            trigger.accept(event);
        }, clock, 6, Duration.ofSeconds(1));
        blobs.addFinalizeListener(forwarder);
        return forwarder;
    }

    /** Started while the context is built, before any client of theirs; stopped (Firestore exported) last. */
    @Bean(destroyMethod = "close")
    public LocalEmulators localEmulators(LocalSettings settings) {
        LocalEmulators emulators = new LocalEmulators(settings);
        emulators.start(settings.emulatorStartTimeout());
        return emulators;
    }

    @Bean(destroyMethod = "close")
    FirestoreSnapshots firestoreSnapshots(LocalEmulators emulators, LocalSettings settings) {
        return new FirestoreSnapshots(emulators, settings);
    }

    @Bean
    public AcknowledgedWrites acknowledgedWrites(LocalEmulators emulators, LocalSettings settings) {
        return new AcknowledgedWrites(() -> {
            if (emulators.firestore().isRunning()) {
                emulators.export(settings.projectId(), settings.firestoreExportDir());
            }
            emulators.saveAccounts();
        });
    }

    @Bean(destroyMethod = "close")
    EmulatorSupervisor emulatorSupervisor(LocalEmulators emulators, LocalSettings settings, PubSubConnection pubsub) {
        return new EmulatorSupervisor(emulators::restartDead, settings.emulatorStartTimeout(), () -> {
            pubsub.ensureTopic(PubSubAnalysisEvents.TOPIC);
            pubsub.ensureSubscription(ANALYSIS_EVENTS_SUBSCRIPTION, PubSubAnalysisEvents.TOPIC, 60);
        });
    }

    /** The notifier's Eventarc trigger, locally: a pull subscription on analysis-events. */
    @Bean(destroyMethod = "close")
    public AnalysisEventSubscription analysisEventsSubscription(PubSubConnection pubsub, LocalSettings settings,
            @Qualifier("analysisEventsNotifier") ObjectProvider<Consumer<CloudEvent>> notifier) {
        pubsub.ensureSubscription(ANALYSIS_EVENTS_SUBSCRIPTION, PubSubAnalysisEvents.TOPIC, 60);
        // a subscriber that failed while the Pub/Sub emulator restarted is replaced once the subscription is back
        return AnalysisEventSubscription.start(pubsub, ANALYSIS_EVENTS_SUBSCRIPTION, () -> {
            pubsub.ensureTopic(PubSubAnalysisEvents.TOPIC);
            pubsub.ensureSubscription(ANALYSIS_EVENTS_SUBSCRIPTION, PubSubAnalysisEvents.TOPIC, 60);
        }, message -> {
            Consumer<CloudEvent> consumer = notifier.getIfAvailable();
            if (consumer != null) {
                consumer.accept(PubSubEvents.published(settings.projectId(), PubSubAnalysisEvents.TOPIC,
                        ANALYSIS_EVENTS_SUBSCRIPTION, message));
            }
        });
    }

    @Bean
    public Readiness readiness(LocalEmulators emulators, AnalysisEventSubscription subscription, LocalTaskDispatcher dispatcher,
                               ListableBeanFactory beans, LocalStartup startup) {
        Readiness readiness = new Readiness();
        readiness.add("emulator:firestore", emulators.firestore()::isRunning);
        readiness.add("emulator:pubsub", emulators.pubsub()::isRunning);
        readiness.add("emulator:auth", emulators::authReady);
        for (String function : REQUIRED_FUNCTIONS) {
            readiness.add("function:" + function, () -> beans.containsBean(function));
        }
        readiness.add("subscription:" + ANALYSIS_EVENTS_SUBSCRIPTION, subscription::isRunning);
        readiness.add("dispatcher", dispatcher::isReady);
        readiness.add("startup", startup::isDone);
        return readiness;
    }

    @Bean(destroyMethod = "close")
    LocalScheduler localScheduler(FunctionRoutes routes, TaskSecret secret, LocalSettings settings) {
        return new LocalScheduler(routes, secret.value(), settings.schedulerInterval());
    }

    @Bean
    public LocalStartup localStartup(LocalTaskDispatcher dispatcher, LocalSettings settings, LocalAddress address,
                                     LocalEmulators emulators, ObjectProvider<VideoStore> videos, LocalScheduler scheduler) {
        LocalStartup startup = new LocalStartup(dispatcher, settings, address, videos, scheduler);
        startup.addRuntimeEntry("firestoreEmulatorHost", () -> emulators.firestore().hostPort());
        startup.addRuntimeEntry("pubsubEmulatorHost", () -> emulators.pubsub().hostPort());
        startup.addRuntimeEntry("authEmulatorHost", () -> emulators.auth().hostPort());
        return startup;
    }
}
