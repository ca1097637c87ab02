package app.coherence.embedded.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedSecretTaskCallerCheckTest {
    private final String secret = SharedSecretTaskCallerCheck.newSecret();
    private final SharedSecretTaskCallerCheck check = new SharedSecretTaskCallerCheck(secret);

    private static HttpCall withHeader(String name, String value) {
        return new HttpCall("POST", "/tasks/analyze", Map.of(), Map.of(name, List.of(value)), null);
    }

    @Test
    void verify_shouldAcceptTheSecret() {
        // HttpCall header names are lower case, as every server adapter delivers them.
        assertThatCode(() -> check.verify(withHeader("x-coherence-task-secret", secret))).doesNotThrowAnyException();
    }

    @Test
    void verify_shouldRejectMissingWrongOrPrefixSecrets() {
        for (HttpCall call : List.of(HttpCall.of("POST", "/tasks/analyze"),
                withHeader("x-coherence-task-secret", "wrong-secret-of-some-length"),
                withHeader("x-coherence-task-secret", secret.substring(0, secret.length() - 1)),
                withHeader("x-coherence-task-secret", secret + "x"),
                withHeader("authorization", "Bearer " + secret))) {
            assertThatThrownBy(() -> check.verify(call))
                    .isInstanceOf(CoherenceException.class)
                    .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }
    }

    @Test
    void newSecret_shouldBeLongAndFresh() {
        assertThat(SharedSecretTaskCallerCheck.newSecret()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(secret);
        assertThatThrownBy(() -> new SharedSecretTaskCallerCheck("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
