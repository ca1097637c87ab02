package app.coherence.local;

import app.coherence.core.upload.FinalizedUpload;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.local.events.StorageEventForwarder;
import app.coherence.local.web.Readiness;
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
@Import({LocalPortsConfiguration.class, LocalWebConfiguration.class})
public class LocalSystemConfiguration {

    /** The function beans that must exist before the system reports ready. */
    static final List<String> REQUIRED_FUNCTIONS = List.of();

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

    @Bean
    public Readiness readiness(LocalTaskDispatcher dispatcher, ListableBeanFactory beans, LocalStartup startup) {
        Readiness readiness = new Readiness();
        for (String function : REQUIRED_FUNCTIONS) {
            readiness.add("function:" + function, () -> beans.containsBean(function));
        }
        readiness.add("dispatcher", dispatcher::isReady);
        readiness.add("startup", startup::isDone);
        return readiness;
    }

    @Bean
    public LocalStartup localStartup(LocalTaskDispatcher dispatcher, LocalSettings settings, LocalAddress address,
                                     ObjectProvider<app.coherence.core.video.VideoStore> videos) {
        return new LocalStartup(dispatcher, settings, address, videos);
    }
}
