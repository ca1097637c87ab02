package app.coherence.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionRoutesTest {

    @Test
    void functionFor_shouldFollowTheDeployedRoutes() {
        assertThat(FunctionRoutes.functionFor("/v1/uploads")).contains("uploads");
        assertThat(FunctionRoutes.functionFor("/v1/usage")).contains("uploads");
        assertThat(FunctionRoutes.functionFor("/tasks/analyze")).contains("analyzeTask");
        assertThat(FunctionRoutes.functionFor("/v1/stripe/webhook")).contains("stripeWebhook");
        assertThat(FunctionRoutes.functionFor("/v1/billing/checkout")).contains("billing");
        assertThat(FunctionRoutes.functionFor("/v1/videos/abc")).contains("api");
        assertThat(FunctionRoutes.functionFor("/v1/openapi.json")).contains("api");
        assertThat(FunctionRoutes.functionFor("/tasks/other")).isEmpty();
        assertThat(FunctionRoutes.functionFor("/v2/x")).isEmpty();
    }

    @Test
    void handle_shouldCallTheBeanOfThePathOrAnswerClearly() {
        HttpFunction api = call -> HttpReply.json(200, Map.of("served", "api " + call.path()));
        HttpFunction failing = call -> {
            throw new IllegalStateException("boom");
        };
        FunctionRoutes routes = new FunctionRoutes(Map.of("api", api, "analyzeTask", failing));

        assertThat(routes.handle(HttpCall.of("GET", "/v1/videos/x")).bodyText()).contains("api /v1/videos/x");
        assertThat(routes.handle(HttpCall.of("POST", "/v1/billing/checkout")).bodyText())
                .as("billing absent: the api function answers it").contains("api /v1/billing/checkout");
        HttpReply absent = routes.handle(HttpCall.of("POST", "/v1/uploads"));
        assertThat(absent.status()).isEqualTo(503);
        assertThat(absent.bodyText()).contains("uploads function is not running");
        HttpReply crashed = routes.handle(HttpCall.of("POST", "/tasks/analyze"));
        assertThat(crashed.status()).isEqualTo(500);
        assertThat(crashed.bodyText()).contains("\"code\":\"INTERNAL\"").doesNotContain("boom");
        assertThat(routes.handle(HttpCall.of("GET", "/nowhere")).status()).isEqualTo(404);
    }
}
