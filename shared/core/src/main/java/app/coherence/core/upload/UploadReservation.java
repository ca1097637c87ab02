package app.coherence.core.upload;

import java.time.Instant;

/** A reserved upload slot: the new video's id and the signed URL to PUT the file to. */
public record UploadReservation(String videoId, String uploadUrl, Instant expiresAt) {
}
