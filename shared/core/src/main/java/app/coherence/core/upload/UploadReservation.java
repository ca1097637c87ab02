package app.coherence.core.upload;

import java.time.Instant;
import java.util.Map;

/**
 * A reserved upload slot: the new video's id, the signed URL to PUT the file to, when it expires, and
 * the headers the PUT must carry exactly as given (Cloud Storage signs Content-Type and
 * x-goog-content-length-range into the URL; the one-machine store needs only Content-Type). Where the
 * store has resumable sessions, {@code resumableUrl} (POSTed with {@code resumableHeaders}) opens one
 * for the same object, so a flaky network costs a chunk, not the file; null otherwise.
 */
public record UploadReservation(String videoId, String uploadUrl, Instant expiresAt, Map<String, String> uploadHeaders,
                                String resumableUrl, Map<String, String> resumableHeaders) {

    public UploadReservation {
        uploadHeaders = uploadHeaders == null ? Map.of() : Map.copyOf(uploadHeaders);
        resumableHeaders = resumableHeaders == null ? Map.of() : Map.copyOf(resumableHeaders);
    }

    public UploadReservation(String videoId, String uploadUrl, Instant expiresAt, Map<String, String> uploadHeaders) {
        this(videoId, uploadUrl, expiresAt, uploadHeaders, null, Map.of());
    }

    public UploadReservation(String videoId, String uploadUrl, Instant expiresAt) {
        this(videoId, uploadUrl, expiresAt, Map.of());
    }
}
