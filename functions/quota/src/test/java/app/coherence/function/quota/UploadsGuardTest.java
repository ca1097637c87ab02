package app.coherence.function.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.upload.UploadRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Requests refused before any port is reached: every port is null, so getting past the guard
 * would end in a 500, and the expected 401/404/405 also proves nothing was read or written.
 */
class UploadsGuardTest {
    private static final StaticListableBeanFactory NO_BEANS = new StaticListableBeanFactory();
    private final HttpFunction uploads = new QuotaFunctionConfiguration().uploads(null,
            NO_BEANS.getBeanProvider(app.coherence.core.user.UserStore.class),
            UploadRules.defaults(), null, null, null, null, Clock.systemUTC(),
            NO_BEANS.getBeanProvider(app.coherence.core.quota.UsageStore.class),
            NO_BEANS.getBeanProvider(app.coherence.core.quota.PlanLimits.class),
            NO_BEANS.getBeanProvider(app.coherence.core.job.TaskCallerCheck.class),
            new org.springframework.core.env.StandardEnvironment());

    @Test
    void reserve_shouldAnswer401WithoutIdToken() {
        HttpReply reply = uploads.apply(new HttpCall("POST", "/v1/uploads", Map.of(), Map.of(),
                "{\"title\":\"t\",\"contentType\":\"video/mp4\",\"sizeBytes\":10}".getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(Json.tree(reply.body()).path("error").path("message").asText())
                .isEqualTo("missing Authorization: Bearer ID token");
    }

    @Test
    void sweep_withoutATrustedCaller_shouldAnswer401() {
        HttpReply reply = uploads.apply(HttpCall.of("POST", "/tasks/sweep-reservations"));
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void uploads_shouldAnswer404And405OutsideItsRoutes() {
        assertThat(uploads.apply(HttpCall.of("GET", "/v1/uploads")).status()).isEqualTo(405);
        assertThat(uploads.apply(HttpCall.of("POST", "/v1/elsewhere")).status()).isEqualTo(404);
    }
}
