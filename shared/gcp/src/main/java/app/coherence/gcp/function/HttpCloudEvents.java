package app.coherence.gcp.function;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.HttpRequest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CloudEvent straight off an HTTP request (binary mode: ce-* headers and the data as body;
 * structured mode: an application/cloudevents+json envelope), for when an event reaches the HTTP
 * entry point rather than the Functions Framework's background path (signature type "http", or
 * Eventarc pushing to a Cloud Run service).
 */
final class HttpCloudEvents {
    private static final String STRUCTURED = "application/cloudevents+json";

    private HttpCloudEvents() {
    }

    /** The event the request carries, or empty when it is not a CloudEvent request. */
    static Optional<CloudEvent> read(HttpRequest request, byte[] body) throws IOException {
        Optional<String> contentType = header(request, "content-type");
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith(STRUCTURED)).orElse(false)) {
            return Optional.of(structured(body));
        }
        Optional<String> specVersion = header(request, "ce-specversion");
        if (specVersion.isEmpty()) {
            return Optional.empty();
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(header(request, "ce-id").orElse("unknown"))
                .withType(header(request, "ce-type").orElse("unknown"))
                .withSource(URI.create(header(request, "ce-source").orElse("//unknown")));
        header(request, "ce-subject").ifPresent(builder::withSubject);
        header(request, "ce-time").ifPresent(t -> builder.withTime(OffsetDateTime.parse(t)));
        if (body.length > 0) {
            builder.withData(contentType.orElse("application/json"), body);
        }
        return Optional.of(builder.build());
    }

    private static CloudEvent structured(byte[] body) throws IOException {
        JsonNode envelope = Json.mapper().readTree(body);
        if (envelope == null || !envelope.isObject()) {
            throw new IOException("a structured CloudEvent must be a JSON object");
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.path("id").asText("unknown"))
                .withType(envelope.path("type").asText("unknown"))
                .withSource(URI.create(envelope.path("source").asText("//unknown")));
        if (envelope.hasNonNull("subject")) {
            builder.withSubject(envelope.get("subject").asText());
        }
        if (envelope.hasNonNull("time")) {
            builder.withTime(OffsetDateTime.parse(envelope.get("time").asText()));
        }
        String dataType = envelope.path("datacontenttype").asText("application/json");
        if (envelope.hasNonNull("data_base64")) {
            builder.withData(dataType, Base64.getDecoder().decode(envelope.get("data_base64").asText()));
        } else if (envelope.has("data")) {
            JsonNode data = envelope.get("data");
            byte[] bytes = data.isTextual() && !dataType.contains("json")
                    ? data.asText().getBytes(StandardCharsets.UTF_8)
                    : Json.mapper().writeValueAsBytes(data);
            builder.withData(dataType, bytes);
        }
        return builder.build();
    }

    private static Optional<String> header(HttpRequest request, String name) {
        for (Map.Entry<String, List<String>> e : request.getHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
