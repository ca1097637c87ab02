package app.coherence.core.upload;

import java.time.Instant;
import java.util.Map;

/**
 * A URL that grants one operation on one object until it expires, and the request headers that were
 * signed with it: the client must send exactly these (e.g. Cloud Storage binds Content-Type and
 * x-goog-content-length-range into an upload URL's signature).
 */
public record SignedUrl(String url, Instant expiresAt, Map<String, String> headers) {

    public SignedUrl {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A URL that needs no particular headers. */
    public SignedUrl(String url, Instant expiresAt) {
        this(url, expiresAt, Map.of());
    }
}
