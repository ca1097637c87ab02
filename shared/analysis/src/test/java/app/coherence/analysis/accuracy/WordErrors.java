package app.coherence.analysis.accuracy;

import java.util.List;
import java.util.Locale;

/** Word error rate: word-level edit distance over the reference length. */
public final class WordErrors {

    private WordErrors() {
    }

    public static double rate(List<String> reference, List<String> hypothesis) {
        int n = reference.size();
        int m = hypothesis.size();
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int same = norm(reference.get(i - 1)).equals(norm(hypothesis.get(j - 1))) ? 0 : 1;
                current[j] = Math.min(previous[j - 1] + same, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return n == 0 ? (m == 0 ? 0 : 1) : (double) previous[m] / n;
    }

    private static String norm(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9']", "");
    }
}
