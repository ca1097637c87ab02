package app.coherence.gcp.function;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.functions.Context;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns a background-function delivery (legacy JSON data + {@link Context}) back into the CloudEvent
 * it came from. The Functions Framework converts Gen2 CloudEvents to this legacy form for
 * {@code RawBackgroundFunction}s such as Spring's FunctionInvoker; our consumers take CloudEvents.
 */
final class LegacyEvents {
    static final String STORAGE_FINALIZED = "google.cloud.storage.object.v1.finalized";
    static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    private static final Map<String, String> CLOUD_EVENT_TYPES = Map.of(
            "google.storage.object.finalize", STORAGE_FINALIZED,
            "google.storage.object.delete", "google.cloud.storage.object.v1.deleted",
            "google.storage.object.archive", "google.cloud.storage.object.v1.archived",
            "google.storage.object.metadataUpdate", "google.cloud.storage.object.v1.metadataUpdated",
            "google.pubsub.topic.publish", PUBSUB_PUBLISHED,
            "providers/cloud.pubsub/eventTypes/topic.publish", PUBSUB_PUBLISHED);

    private LegacyEvents() {
    }

    static CloudEvent toCloudEvent(String json, Context context) {
        String legacyType = context.eventType() == null ? "" : context.eventType();
        String type = CLOUD_EVENT_TYPES.getOrDefault(legacyType, legacyType.isEmpty() ? "unknown" : legacyType);
        byte[] data = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (PUBSUB_PUBLISHED.equals(type)) {
            data = wrapPubSubMessage(data, context);
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(context.eventId() == null || context.eventId().isEmpty() ? "unknown" : context.eventId())
                .withType(type)
                .withSource(source(context.resource()))
                .withData("application/json", data);
        subject(context.resource()).ifPresent(builder::withSubject);
        if (context.timestamp() != null) {
            try {
                builder.withTime(OffsetDateTime.parse(context.timestamp()));
            } catch (DateTimeParseException e) {
                // a timestamp we cannot read is not worth losing the event over
            }
        }
        return builder.build();
    }

    /** Legacy Pub/Sub data is the bare PubsubMessage; the CloudEvent form wraps it as {"message":{...}}. */
    private static byte[] wrapPubSubMessage(byte[] data, Context context) {
        try {
            JsonNode legacy = Json.mapper().readTree(data);
            if (legacy == null || !legacy.isObject() || legacy.has("message")) {
                return data;
            }
            ObjectNode message = ((ObjectNode) legacy).deepCopy();
            message.remove("@type");
            if (!message.has("messageId") && context.eventId() != null) {
                message.put("messageId", context.eventId());
            }
            if (!message.has("publishTime") && context.timestamp() != null) {
                message.put("publishTime", context.timestamp());
            }
            ObjectNode wrapped = Json.mapper().createObjectNode();
            wrapped.set("message", message);
            return Json.mapper().writeValueAsBytes(wrapped);
        } catch (IOException e) {
            return data; // the consumer decides what malformed data means
        }
    }

    /** "//storage.googleapis.com/projects/_/buckets/b" from the legacy resource (JSON object or plain name). */
    private static URI source(String resource) {
        Resource r = Resource.parse(resource);
        String name = r.name();
        if (r.service() != null && name != null) {
            int objects = name.indexOf("/objects/");
            String base = objects >= 0 ? name.substring(0, objects) : name;
            return URI.create("//" + r.service() + "/" + base);
        }
        return URI.create(name != null && !name.isEmpty() ? "//cloudfunctions.googleapis.com/" + name.replace(" ", "%20")
                : "//cloudfunctions.googleapis.com");
    }

    private static java.util.Optional<String> subject(String resource) {
        String name = Resource.parse(resource).name();
        if (name == null) {
            return java.util.Optional.empty();
        }
        int objects = name.indexOf("/objects/");
        return objects >= 0 ? java.util.Optional.of(name.substring(objects + 1)) : java.util.Optional.empty();
    }

    private record Resource(String service, String name) {
        static Resource parse(String resource) {
            if (resource == null || resource.isBlank()) {
                return new Resource(null, null);
            }
            String trimmed = resource.trim();
            if (trimmed.startsWith("{")) {
                try {
                    JsonNode node = Json.mapper().readTree(trimmed);
                    return new Resource(node.path("service").asText(null), node.path("name").asText(null));
                } catch (IOException e) {
                    return new Resource(null, null);
                }
            }
            return new Resource(null, trimmed);
        }
    }
}
