package app.coherence.local.events;

import app.coherence.core.json.Json;
import com.google.pubsub.v1.PubsubMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the CloudEvent Eventarc delivers for a Pub/Sub message, in its real wire shape. */
public final class PubSubEvents {
    public static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    private PubSubEvents() {
    }

    /** {@code {"message":{"data":base64,"attributes":{..},"messageId","publishTime"},"subscription"}}. */
    public static CloudEvent published(String projectId, String topic, String subscription, PubsubMessage message) {
        Instant published = Instant.ofEpochSecond(message.getPublishTime().getSeconds(), message.getPublishTime().getNanos());
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("data", Base64.getEncoder().encodeToString(message.getData().toByteArray()));
        inner.put("attributes", message.getAttributesMap());
        inner.put("messageId", message.getMessageId());
        inner.put("publishTime", published.toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", inner);
        data.put("subscription", "projects/" + projectId + "/subscriptions/" + subscription);
        return CloudEventBuilder.v1()
                .withId(message.getMessageId())
                .withSource(URI.create("//pubsub.googleapis.com/projects/" + projectId + "/topics/" + topic))
                .withType(MESSAGE_PUBLISHED)
                .withTime(published.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Json.bytes(data))
                .build();
    }
}
