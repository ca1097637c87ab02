package app.coherence.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserStatsTest {

    @Test
    void withAnalysis_shouldKeepRunningTotalsAndTheLastTenScores() {
        UserStats stats = UserStats.empty();
        for (int i = 1; i <= 12; i++) {
            stats = stats.withAnalysis(i * 5, Instant.ofEpochSecond(i), Map.of("um", 1), Map.of());
        }
        assertThat(stats.analyses()).isEqualTo(12);
        assertThat(stats.averageScore()).isEqualTo(32.5);
        assertThat(stats.bestScore()).isEqualTo(60);
        assertThat(stats.lastScore()).isEqualTo(60);
        assertThat(stats.recentScores()).containsExactly(15, 20, 25, 30, 35, 40, 45, 50, 55, 60);
        assertThat(stats.fillerWords()).containsEntry("um", 12);
    }

    @Test
    void topCounts_shouldOrderByCountThenName() {
        assertThat(TopCounts.top(Map.of("uh", 3, "um", 5, "like", 3, "so", 1), 3))
                .extracting(Map.Entry::getKey).containsExactly("um", "like", "uh");
    }
}
