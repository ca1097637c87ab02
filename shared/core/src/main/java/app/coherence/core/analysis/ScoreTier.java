package app.coherence.core.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;

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

    /** The words a person reads ("Good Start"); stored and sent beside the enum name, never matched. */
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

    /**
     * The tier a stored or sent value names: the enum name, or the label that documents written before
     * tiers were typed hold; null stays null.
     */
    @JsonCreator
    public static ScoreTier fromStored(String value) {
        if (value == null) {
            return null;
        }
        for (ScoreTier tier : values()) {
            if (tier.name().equals(value) || tier.label.equals(value)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown score tier: " + value);
    }

    /** The label of {@code tier}, or null when there is no tier yet. */
    public static String labelOf(ScoreTier tier) {
        return tier == null ? null : tier.label;
    }
}
