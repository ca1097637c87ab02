package app.coherence.function.uploadtrigger;

import app.coherence.core.json.Json;
import app.coherence.core.upload.FinalizedUpload;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a Cloud Storage "object finalized" CloudEvent ({@code google.cloud.storage.object.v1.finalized}):
 * data is the object's JSON resource, where {@code size} is a decimal string.
 */
final class StorageObjectEvent {

    private StorageObjectEvent() {
    }

    /** The finalized upload, or a description of why the event cannot be one. */
    static Parsed parse(CloudEvent event) {
        if (event.getData() == null) {
            return Parsed.malformed("event " + event.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = Json.mapper().readTree(event.getData().toBytes());
        } catch (IOException e) {
            return Parsed.malformed("event " + event.getId() + " data is not JSON");
        }
        if (data == null || !data.isObject()) {
            return Parsed.malformed("event " + event.getId() + " data is not a JSON object");
        }
        String name = text(data, "name");
        if (name == null || name.isBlank()) {
            return Parsed.malformed("event " + event.getId() + " names no object");
        }
        Optional<Long> size = size(data.get("size"));
        if (size.isEmpty()) {
            return Parsed.malformed("event " + event.getId() + " for " + name + " has no valid size");
        }
        return new Parsed(new FinalizedUpload(text(data, "bucket"), name, size.get(), text(data, "contentType")), null);
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** GCS sends size as a string ("1048576"); a number is accepted too. */
    private static Optional<Long> size(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong() >= 0 ? Optional.of(node.asLong()) : Optional.empty();
        }
        if (node.isTextual()) {
            try {
                long value = Long.parseLong(node.asText().trim());
                return value >= 0 ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Either an upload or the reason the event was malformed. */
    record Parsed(FinalizedUpload upload, String problem) {
        static Parsed malformed(String problem) {
            return new Parsed(null, problem);
        }
    }
}
