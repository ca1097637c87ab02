package app.coherence.core.profile;

import app.coherence.core.user.Plan;
import java.time.Instant;
import java.util.List;

/** GET /v1/me: who the caller is, their plan and how their talks are going. */
public record Profile(String uid, String email, String displayName, Plan plan, Instant createdAt, Stats stats) {

    /** The stats as shown: trend = last scores oldest first; the most frequent fillers and flag types. */
    public record Stats(int analyses, Double averageScore, Integer bestScore, Integer lastScore, Instant lastAnalysedAt,
                        List<Integer> trend, List<WordCount> topFillerWords, List<FlagCount> topFlagTypes) {
    }

    /** A filler word and how often it was heard over all analyses. */
    public record WordCount(String word, int count) {
    }

    /** A dissonance flag type and how often it was raised over all analyses. */
    public record FlagCount(String type, int count) {
    }
}
