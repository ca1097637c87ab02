package app.coherence.core.job;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** Published on analysis-events when a video's analysis ends, either way. */
public record AnalysisEvent(Type type, String videoId, String userId, Integer coherenceScore,
                            ScoreTier scoreTier, ErrorCode errorCode, String errorMessage, Instant occurredAt) {

    /** How the analysis ended; a type this version does not know reads as {@link #UNKNOWN}. */
    public enum Type {
        COMPLETED,
        FAILED,
        UNKNOWN;

        /** The wire form: lower case, as consumers read it. */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type fromWire(String value) {
            for (Type type : values()) {
                if (type.wireName().equals(value)) {
                    return type;
                }
            }
            return UNKNOWN;
        }
    }
}
