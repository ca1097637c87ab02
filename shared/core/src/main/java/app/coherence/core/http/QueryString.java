package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string ({@code a=1&b=x%20y&a=2}) as decoded names and values, the same on every
 * transport (servlet locally, Cloud Functions on GCP). A bad %-escape is the client's mistake: 400
 * MALFORMED_REQUEST, never a guess at what was meant.
 */
public final class QueryString {

    private QueryString() {
    }

    /** Decoded name → values, in order, repeats kept; null or empty gives an empty map. */
    public static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The first value of each parameter. */
    public static Map<String, String> firstValues(String raw) {
        Map<String, String> first = new LinkedHashMap<>();
        parse(raw).forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "the query string is not validly encoded");
        }
    }
}
