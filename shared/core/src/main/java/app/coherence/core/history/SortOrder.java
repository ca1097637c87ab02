package app.coherence.core.history;

import app.coherence.core.error.CoherenceException;
import java.util.Locale;

/** Ascending or descending. */
public enum SortOrder {
    ASC,
    DESC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortOrder fromWire(String value) {
        return switch (value) {
            case "asc" -> ASC;
            case "desc" -> DESC;
            default -> throw CoherenceException.invalid("order must be asc or desc, was '" + value + "'");
        };
    }
}
