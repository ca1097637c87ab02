package app.coherence.core.error;

/** Every error a client or operator can see, mapped once to its HTTP status. */
public enum ErrorCode {
    INVALID_ARGUMENT(400),
    MALFORMED_REQUEST(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    UPLOAD_URL_EXPIRED(403),
    UPLOAD_URL_INVALID(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    UPLOAD_TIMEOUT(408),
    ANALYSIS_NOT_READY(409),
    ALREADY_PROCESSING(409),
    CONFLICT(409),
    /** A reservation whose upload did not arrive in time (a video's error, never a request's). */
    RESERVATION_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_MEDIA(422),
    NO_AUDIO_TRACK(422),
    NO_SPEECH(422),
    TOO_LONG(422),
    TOO_SHORT(422),
    QUOTA_EXCEEDED(429),
    INTERNAL(500),
    BILLING_NOT_CONFIGURED(503),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True for codes that describe the user's own media, not a fault of ours. */
    public boolean isMediaRejection() {
        return this == INVALID_MEDIA || this == NO_AUDIO_TRACK || this == NO_SPEECH || this == TOO_LONG || this == TOO_SHORT;
    }
}
