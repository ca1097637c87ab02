package app.coherence.core.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The plans a user can be on, with their monthly analysis allowance. */
public enum Plan {
    FREE(2),
    INDIVIDUAL(20),
    PRO(100);

    private final int analysesPerMonth;

    Plan(int analysesPerMonth) {
        this.analysesPerMonth = analysesPerMonth;
    }

    public int analysesPerMonth() {
        return analysesPerMonth;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Plan fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
