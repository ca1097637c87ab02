package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as our functions see it, independent of the server that received it
 * (Cloud Functions, Cloud Run or the one-machine server). Header names are lower case.
 */
public record HttpCall(String method, String path, Map<String, List<String>> query,
                       Map<String, List<String>> headers, byte[] body) {

    public HttpCall {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The bearer token of the Authorization header, if any. */
    public Optional<String> bearerToken() {
        return header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses the JSON body into {@code type}, answering 400 MALFORMED_REQUEST when it is not valid JSON of that shape. */
    public <T> T jsonBody(Class<T> type) {
        if (body.length == 0) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "request body must be a JSON object");
        }
        try {
            T value = RequestJson.MAPPER.readValue(body, type);
            if (value == null) {
                throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "request body must be a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, RequestJson.describe(e));
        }
    }

    /** A request with no query, headers or body; handy for tests and internal calls. */
    public static HttpCall of(String method, String path) {
        return new HttpCall(method, path, Map.of(), Map.of(), new byte[0]);
    }
}
