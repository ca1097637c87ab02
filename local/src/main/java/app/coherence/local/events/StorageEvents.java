package app.coherence.local.events;

import app.coherence.core.json.Json;
import app.coherence.core.upload.FinalizedUpload;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the CloudEvent Cloud Storage sends when an object is finalized, in its real wire shape. */
public final class StorageEvents {
    public static final String FINALIZED = "google.cloud.storage.object.v1.finalized";

    private StorageEvents() {
    }

    /**
     * The event for a finished upload. Like Cloud Storage's StorageObjectData JSON, {@code size} is a
     * decimal string (int64 in proto3 JSON), so local runs exercise the same parsing as GCP.
     */
    public static CloudEvent finalized(FinalizedUpload upload, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "storage#object");
        data.put("bucket", upload.bucket());
        data.put("name", upload.path());
        data.put("size", Long.toString(upload.sizeBytes()));
        data.put("contentType", upload.contentType());
        data.put("timeCreated", now.toString());
        data.put("updated", now.toString());
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/" + upload.bucket()))
                .withType(FINALIZED)
                .withSubject("objects/" + upload.path())
                .withTime(now.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Json.bytes(data))
                .build();
    }
}
