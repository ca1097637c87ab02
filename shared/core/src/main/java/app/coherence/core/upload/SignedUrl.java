package app.coherence.core.upload;

import java.time.Instant;

/** A URL that grants one operation on one object until it expires. */
public record SignedUrl(String url, Instant expiresAt) {
}
