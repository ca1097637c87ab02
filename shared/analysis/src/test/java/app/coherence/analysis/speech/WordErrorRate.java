package app.coherence.analysis.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word error rate by edit distance, and the pairs of reference/hypothesis words it aligned as equal. */
final class WordErrorRate {

    record Match(int reference, int hypothesis) {
    }

    final double rate;
    final List<Match> matches;

    private WordErrorRate(double rate, List<Match> matches) {
        this.rate = rate;
        this.matches = matches;
    }

    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9']", "");
    }

    static WordErrorRate of(List<String> reference, List<String> hypothesis) {
        int n = reference.size();
        int m = hypothesis.size();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int same = normalise(reference.get(i - 1)).equals(normalise(hypothesis.get(j - 1))) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + same, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        List<Match> matches = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            boolean same = normalise(reference.get(i - 1)).equals(normalise(hypothesis.get(j - 1)));
            if (d[i][j] == d[i - 1][j - 1] + (same ? 0 : 1)) {
                if (same) {
                    matches.add(0, new Match(i - 1, j - 1));
                }
                i--;
                j--;
            } else if (d[i][j] == d[i - 1][j] + 1) {
                i--;
            } else {
                j--;
            }
        }
        return new WordErrorRate(n == 0 ? (m == 0 ? 0 : 1) : (double) d[n][m] / n, matches);
    }
}
