package app.coherence.function.uploadtrigger;

import app.coherence.core.upload.UploadService;
import io.cloudevents.CloudEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored object was finalized: if it is a reserved upload, check it and queue its analysis.
 * A malformed event is logged and dropped (retrying cannot fix it); failures of ours are rethrown
 * so the event is delivered again (acceptFinalized is idempotent).
 */
public class UploadTriggerFunction implements Consumer<CloudEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadTriggerFunction.class);

    private final UploadService uploads;

    public UploadTriggerFunction(UploadService uploads) {
        this.uploads = uploads;
    }

    @Override
    public void accept(CloudEvent event) {
        StorageObjectEvent.Parsed parsed = StorageObjectEvent.parse(event);
        if (parsed.upload() == null) {
            LOG.warn("malformed storage event dropped: {}", parsed.problem());
            return;
        }
        UploadService.FinalizeOutcome outcome = uploads.acceptFinalized(parsed.upload());
        LOG.info("finalize event {} for {}: {}", event.getId(), parsed.upload().path(), outcome);
    }
}
