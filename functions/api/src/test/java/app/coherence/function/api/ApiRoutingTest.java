package app.coherence.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import org.junit.jupiter.api.Test;

/** Routing that happens before any store is touched: the document, tokens, unknown paths and methods. */
class ApiRoutingTest {
    private final ApiFunction api = new ApiFunction(null, null, new app.coherence.core.http.Authenticator(null), OpenApiDocument.load(), null, null, null);

    @Test
    void openApi_shouldBeServedWithoutAToken() {
        HttpReply reply = api.apply(HttpCall.of("GET", "/v1/openapi.json"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.tree(reply.body()).path("openapi").asText()).startsWith("3.");
    }

    @Test
    void videoRoutes_shouldAnswer401WithoutAToken() {
        for (String path : new String[] {"/v1/videos", "/v1/videos/abc", "/v1/videos/abc/analysis", "/v1/me"}) {
            HttpReply reply = api.apply(HttpCall.of("GET", path));
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(Json.tree(reply.body()).path("error").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void unknownPathsAndMethods_shouldAnswer404And405() {
        assertThat(api.apply(HttpCall.of("GET", "/v1/nothing")).status()).isEqualTo(404);
        assertThat(api.apply(HttpCall.of("GET", "/v1/billing/checkout")).status()).isEqualTo(404);
        assertThat(api.apply(HttpCall.of("POST", "/v1/videos/abc")).status()).isEqualTo(405);
        assertThat(api.apply(HttpCall.of("PUT", "/v1/me")).status()).isEqualTo(405);
    }
}
