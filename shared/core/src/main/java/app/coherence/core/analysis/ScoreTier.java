package app.coherence.core.analysis;

/** The tier a coherence score falls in: >= 76 Strong, >= 51 Good Start, else Needs Work. */
public enum ScoreTier {
    STRONG("Strong", 76),
    GOOD_START("Good Start", 51),
    NEEDS_WORK("Needs Work", 0);

    private final String label;
    private final int minimumScore;

    ScoreTier(String label, int minimumScore) {
        this.label = label;
        this.minimumScore = minimumScore;
    }

    public String label() {
        return label;
    }

    public static ScoreTier of(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, was " + score);
        }
        for (ScoreTier tier : values()) {
            if (score >= tier.minimumScore) {
                return tier;
            }
        }
        return NEEDS_WORK;
    }
}
