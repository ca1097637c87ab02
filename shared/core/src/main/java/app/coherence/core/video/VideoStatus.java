package app.coherence.core.video;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** Where a video is in its life; status only moves forward (a retry may re-enter processing). */
public enum VideoStatus {
    AWAITING_UPLOAD,
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** True when moving from this status to {@code next} keeps the forward-only order. */
    public boolean canMoveTo(VideoStatus next) {
        return switch (this) {
            case AWAITING_UPLOAD -> Set.of(QUEUED, FAILED).contains(next);
            case QUEUED -> Set.of(PROCESSING, FAILED).contains(next);
            case PROCESSING -> Set.of(PROCESSING, COMPLETED, FAILED).contains(next);
            case COMPLETED, FAILED -> false;
        };
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** The stored and wire form: lower snake case, as clients read it. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VideoStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
