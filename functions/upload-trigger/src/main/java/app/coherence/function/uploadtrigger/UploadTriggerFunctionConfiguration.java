package app.coherence.function.uploadtrigger;

import app.coherence.core.upload.TaskQueue;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.upload.UploadService;
import app.coherence.core.video.VideoStore;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The {@code uploadTrigger} function bean: storage object finalized → queued → analysis task. */
@Configuration(proxyBeanMethods = false)
public class UploadTriggerFunctionConfiguration {

    /** The task queue is injected lazily: its client is built by the first upload that needs a task. */
    @Bean
    public Consumer<CloudEvent> uploadTrigger(UploadRules rules, UploadLedger ledger, VideoStore videos,
                                              BlobStore blobs, @Lazy TaskQueue tasks, Clock clock) {
        return new UploadTriggerFunction(new UploadService(rules, ledger, videos, blobs, tasks, clock));
    }
}
