package app.coherence.function.notifier;

import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.json.Json;
import app.coherence.core.profile.AnalysisEventRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.Base64;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * analysis-events → user stats and failure notices. The CloudEvent is Pub/Sub's message-published
 * event, {"message":{"data": base64(AnalysisEvent JSON)}} (or the bare legacy PubsubMessage). A
 * malformed message is logged and dropped
 * (redelivering it could never succeed); a store failure is thrown so Pub/Sub redelivers, which is
 * safe because recording is idempotent per video.
 */
public class AnalysisEventsNotifier implements Consumer<CloudEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisEventsNotifier.class);

    private final AnalysisEventRecorder recorder;

    public AnalysisEventsNotifier(AnalysisEventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void accept(CloudEvent event) {
        AnalysisEvent analysisEvent = parse(event);
        if (analysisEvent != null) {
            recorder.record(analysisEvent);
        }
    }

    private static AnalysisEvent parse(CloudEvent event) {
        if (event.getData() == null) {
            LOG.warn("analysis-events message without data dropped (event {})", event.getId());
            return null;
        }
        try {
            JsonNode envelope = Json.mapper().readTree(event.getData().toBytes());
            // The CloudEvent form wraps the PubsubMessage as {"message":{...}}; a legacy background
            // delivery passed through unchanged is the bare PubsubMessage {"data":...}. Accept both.
            JsonNode data = envelope == null ? null
                    : envelope.has("message") ? envelope.path("message").get("data") : envelope.get("data");
            if (data == null || !data.isTextual()) {
                LOG.warn("analysis-events message without message.data dropped (event {})", event.getId());
                return null;
            }
            return Json.mapper().readValue(Base64.getDecoder().decode(data.asText()), AnalysisEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("malformed analysis-events message dropped (event {}): {}", event.getId(), e.getMessage());
            return null;
        }
    }
}
