package app.coherence.analysis.score;

import java.util.Map;

/** The score, and each component's marks (0-1) that it was computed from. */
public record ScoreCard(int score, Map<ScoreComponent, Double> marks) {
}
