package app.coherence.core.profile;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the most frequent entries of a count map: highest count first, ties alphabetically. */
final class TopCounts {

    private TopCounts() {
    }

    static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }

    static Map<String, Integer> keep(Map<String, Integer> counts, int n) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        top(counts, n).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
