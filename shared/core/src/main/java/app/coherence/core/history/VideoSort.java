package app.coherence.core.history;

import app.coherence.core.error.CoherenceException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders a user's video history can be listed in; ties are always broken by video id. */
public enum VideoSort {
    CREATED_AT("createdAt"),
    COHERENCE_SCORE("coherenceScore"),
    TITLE("title");

    private final String wireName;

    VideoSort(String wireName) {
        this.wireName = wireName;
    }

    /** The query-parameter value and the stored field name. */
    public String wireName() {
        return wireName;
    }

    public static VideoSort fromWire(String value) {
        for (VideoSort sort : values()) {
            if (sort.wireName.equals(value)) {
                return sort;
            }
        }
        throw CoherenceException.invalid("sort must be one of " + allowed() + ", was '" + value + "'");
    }

    static String allowed() {
        return Arrays.stream(values()).map(VideoSort::wireName).collect(Collectors.joining(", "));
    }
}
