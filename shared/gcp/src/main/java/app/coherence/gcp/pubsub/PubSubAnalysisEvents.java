package app.coherence.gcp.pubsub;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.job.AnalysisEvents;
import app.coherence.core.json.Json;
import app.coherence.gcp.Deadlines;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes analysis events to the analysis-events topic as JSON, with {@code type} and {@code videoId}
 * attributes (subscribers may filter on them). Waits for Pub/Sub's acknowledgement, so a failed publish
 * fails the job step that caused it and the task is retried.
 */
public class PubSubAnalysisEvents implements AnalysisEvents, AutoCloseable {
    public static final String TOPIC = "analysis-events";
    private static final Logger log = LoggerFactory.getLogger(PubSubAnalysisEvents.class);

    private final Publisher publisher;

    public PubSubAnalysisEvents(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(AnalysisEvent event) {
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(Json.bytes(event)))
                .putAllAttributes(Map.of("type", event.type().wireName(), "videoId", event.videoId()))
                .build();
        try {
            String id = publisher.publish(message).get(Deadlines.PUBSUB_PUBLISH.toMillis(), TimeUnit.MILLISECONDS);
            log.info("published {} event for video {} as message {}", event.type().wireName(), event.videoId(), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "publishing the " + event.type().wireName() + " event was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "publishing the " + event.type().wireName() + " event of video "
                    + event.videoId() + " failed: " + cause.getMessage(), Map.of(), cause);
        }
    }

    @Override
    public void close() throws InterruptedException {
        publisher.shutdown();
        publisher.awaitTermination(10, TimeUnit.SECONDS);
    }
}
