package app.coherence.core.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's running statistics ({@code users/{uid}.stats}), updated once per completed analysis so
 * reads never scan videos. {@code recentScores} holds the last {@value #TREND_LENGTH} scores, oldest first.
 */
public record UserStats(int analyses, long scoreSum, Integer bestScore, Integer lastScore, Instant lastAnalysedAt,
                        List<Integer> recentScores, Map<String, Integer> fillerWords, Map<String, Integer> flagTypes) {
    public static final int TREND_LENGTH = 10;
    /** Filler words kept per user: bounds the document as vocabularies grow. */
    static final int MAX_FILLER_WORDS = 50;

    public UserStats {
        recentScores = List.copyOf(recentScores == null ? List.of() : recentScores);
        fillerWords = Map.copyOf(fillerWords == null ? Map.of() : fillerWords);
        flagTypes = Map.copyOf(flagTypes == null ? Map.of() : flagTypes);
    }

    public static UserStats empty() {
        return new UserStats(0, 0, null, null, null, List.of(), Map.of(), Map.of());
    }

    /** Mean score rounded to one decimal, null before the first analysis. */
    public Double averageScore() {
        return analyses == 0 ? null : Math.round(scoreSum * 10.0 / analyses) / 10.0;
    }

    /** These stats with one more completed analysis counted. */
    public UserStats withAnalysis(int score, Instant at, Map<String, Integer> fillers, Map<String, Integer> flags) {
        List<Integer> recent = new ArrayList<>(recentScores);
        recent.add(score);
        while (recent.size() > TREND_LENGTH) {
            recent.remove(0);
        }
        Map<String, Integer> words = add(fillerWords, fillers);
        if (words.size() > MAX_FILLER_WORDS) {
            words = TopCounts.keep(words, MAX_FILLER_WORDS);
        }
        return new UserStats(analyses + 1, scoreSum + score, bestScore == null ? score : Math.max(bestScore, score),
                score, at, recent, words, add(flagTypes, flags));
    }

    private static Map<String, Integer> add(Map<String, Integer> base, Map<String, Integer> more) {
        Map<String, Integer> sum = new TreeMap<>(base);
        more.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return sum;
    }
}
