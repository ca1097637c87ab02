package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response from one of our functions: status, content type, extra headers and body. */
public record HttpReply(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json";

    public HttpReply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpReply json(int status, Object value) {
        return new HttpReply(status, JSON, Map.of(), Json.bytes(value));
    }

    public static HttpReply noContent() {
        return new HttpReply(204, JSON, Map.of(), new byte[0]);
    }

    public static HttpReply text(int status, String contentType, String text) {
        return new HttpReply(status, contentType, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** {"error":{"code","message", ...details}} with the code's HTTP status. */
    public static HttpReply error(CoherenceException e) {
        return error(e.code(), e.getMessage(), e.details());
    }

    public static HttpReply error(ErrorCode code, String message) {
        return error(code, message, Map.of());
    }

    public static HttpReply error(ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", message);
        error.putAll(details);
        return json(code.httpStatus(), Map.of("error", error));
    }

    public HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpReply(status, contentType, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
