package app.coherence.core.history;

import java.time.Instant;

/** GET /v1/videos/{id}/playback: a signed GET URL of the uploaded video (seekable) and when it stops working. */
public record PlaybackUrl(String url, Instant expiresAt) {
}
