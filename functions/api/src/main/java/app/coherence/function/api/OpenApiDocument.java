package app.coherence.function.api;

import app.coherence.core.http.HttpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The hand-written OpenAPI 3 description of the client API, served as-is at /v1/openapi.json. */
public final class OpenApiDocument {
    public static final String RESOURCE = "/app/coherence/function/api/openapi.json";

    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        return json.clone();
    }

    HttpReply reply() {
        return new HttpReply(200, HttpReply.JSON, Map.of("Cache-Control", "public, max-age=300"), json);
    }
}
