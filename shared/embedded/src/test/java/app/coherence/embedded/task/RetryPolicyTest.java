package app.coherence.embedded.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoff_shouldFollowCloudTasksDocumentedSequence() {
        // Cloud Tasks docs: min 10 s, max 300 s, max doublings 3 → 10, 20, 40, 80, 160, 240, 300, 300 s.
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(10), Duration.ofSeconds(300), 3);

        long[] seconds = IntStream.rangeClosed(1, 8).mapToLong(n -> policy.backoffAfter(n).toSeconds()).toArray();

        assertThat(seconds).containsExactly(10, 20, 40, 80, 160, 240, 300, 300);
    }

    @Test
    void backoff_withZeroDoublings_shouldGrowLinearly() {
        RetryPolicy policy = new RetryPolicy(-1, Duration.ofSeconds(5), Duration.ofSeconds(12), 0);

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void attempts_shouldStopAtMaxAttemptsUnlessUnlimited() {
        RetryPolicy three = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0);
        RetryPolicy unlimited = new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0);

        assertThat(three.allowsAnotherAfter(2)).isTrue();
        assertThat(three.allowsAnotherAfter(3)).isFalse();
        assertThat(unlimited.allowsAnotherAfter(1_000_000)).isTrue();
    }

    @Test
    void construct_withNonsense_shouldFail() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
