package app.coherence.core.upload;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.VideoTitle;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** What may be uploaded: container types, size and title limits, how long a reservation lasts. */
public record UploadRules(long maxBytes, Duration reservationTtl, Set<String> contentTypes, int maxTitleLength) {

    public static final Set<String> VIDEO_TYPES = Set.of(
            "video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-m4v");

    public static UploadRules defaults() {
        return new UploadRules(5L * 1024 * 1024 * 1024, Duration.ofHours(1), VIDEO_TYPES, 200);
    }

    /** Checks a request, returning its normalised title; throws a 400/413/415 error otherwise. */
    public String validate(UploadRequest request) {
        if (request == null) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "request body must be a JSON object");
        }
        if (request.contentType() == null || request.contentType().isBlank()) {
            throw CoherenceException.invalid("contentType is required (one of " + String.join(", ", sorted()) + ")");
        }
        if (!contentTypes.contains(request.contentType())) {
            throw new CoherenceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "contentType " + request.contentType() + " is not accepted; use one of " + String.join(", ", sorted()));
        }
        if (request.sizeBytes() == null || request.sizeBytes() <= 0) {
            throw CoherenceException.invalid("sizeBytes must be a positive number of bytes");
        }
        if (request.sizeBytes() > maxBytes) {
            throw new CoherenceException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "sizeBytes " + request.sizeBytes() + " is over the limit of " + maxBytes,
                    Map.of("limit", maxBytes));
        }
        String title = VideoTitle.orUntitled(request.title());
        if (title.length() > maxTitleLength) {
            throw CoherenceException.invalid("title must be at most " + maxTitleLength + " characters");
        }
        return title;
    }

    private java.util.List<String> sorted() {
        return contentTypes.stream().sorted().toList();
    }

    /** The object path a user's video is stored at. */
    public static String storagePath(String userId, String videoId) {
        return "uploads/" + userId + "/" + videoId;
    }
}
