package app.coherence.core.error;

import java.util.Map;

/** A failure with a product error code, a readable message and optional extra fields for the JSON body. */
public class CoherenceException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public CoherenceException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public CoherenceException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, message, details, null);
    }

    public CoherenceException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static CoherenceException notFound(String what) {
        return new CoherenceException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static CoherenceException invalid(String message) {
        return new CoherenceException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
