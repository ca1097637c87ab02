package app.coherence.analysis.score;

/**
 * The parts of the coherence score and their weights (they add up to 1, so a talk with every part at
 * full marks scores 100).
 */
public enum ScoreComponent {
    EYE_CONTACT(0.18),
    FILLERS(0.14),
    PACE(0.14),
    VOCAL_VARIETY(0.14),
    GESTURES(0.10),
    FRAMING(0.10),
    COHERENCE(0.20);

    private final double weight;

    ScoreComponent(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
