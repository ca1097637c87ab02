package app.coherence.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {
    private final HttpFunction routes = HttpFunctions.guarded(HttpRoutes.builder()
            .route("GET", "/v1/videos/{id}", (call, params) -> HttpReply.json(200, Map.of("id", params.get("id"))))
            .route("DELETE", "/v1/videos/{id}", (call, params) -> HttpReply.noContent())
            .route("GET", "/v1/videos/{id}/analysis/{part}", (call, params) -> HttpReply.json(200, params))
            .route("POST", "/v1/boom", call -> {
                throw new IllegalStateException("secret internals");
            })
            .build());

    private static JsonNode error(HttpReply reply) {
        return Json.tree(reply.body()).path("error");
    }

    @Test
    void apply_shouldPassPathParameters() {
        HttpReply reply = routes.apply(HttpCall.of("get", "/v1/videos/abc123"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.tree(reply.body()).path("id").asText()).isEqualTo("abc123");

        HttpReply nested = routes.apply(HttpCall.of("GET", "/v1/videos/v1/analysis/flags"));
        assertThat(Json.tree(nested.body()).path("part").asText()).isEqualTo("flags");
        assertThat(Json.tree(nested.body()).path("id").asText()).isEqualTo("v1");
    }

    @Test
    void apply_shouldAnswer404ForUnknownPath() {
        HttpReply reply = routes.apply(HttpCall.of("GET", "/v1/videos"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(error(reply).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(routes.apply(HttpCall.of("GET", "/v1/videos/a/b")).status()).isEqualTo(404);
    }

    @Test
    void apply_shouldAnswer405WithAllowHeaderForKnownPathOtherMethod() {
        HttpReply reply = routes.apply(HttpCall.of("PUT", "/v1/videos/abc"));
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("Allow", "GET, DELETE");
        assertThat(error(reply).path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void guarded_shouldHideUnexpectedFailuresBehind500() {
        HttpReply reply = routes.apply(HttpCall.of("POST", "/v1/boom"));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(error(reply).path("code").asText()).isEqualTo("INTERNAL");
        assertThat(reply.bodyText()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void authenticate_shouldRejectMissingTokenWithoutAskingIdentity() {
        // Verification of real tokens is tested against the Firebase Auth emulator (functions/quota);
        // here the Identity must never be reached, so it fails the test if it is.
        Authenticator authenticator = new Authenticator(token -> {
            throw new AssertionError("identity must not be asked without a bearer token");
        });
        HttpFunction fn = HttpFunctions.guarded(call -> HttpReply.json(200, Map.of("uid", authenticator.authenticate(call).uid())));

        HttpReply missing = fn.apply(HttpCall.of("GET", "/v1/me"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(error(missing).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error(missing).path("message").asText()).isEqualTo("missing Authorization: Bearer ID token");

        HttpReply basic = fn.apply(new HttpCall("GET", "/v1/me", Map.of(), Map.of("authorization", List.of("Basic abc")), null));
        assertThat(basic.status()).isEqualTo(401);
        HttpReply empty = fn.apply(new HttpCall("GET", "/v1/me", Map.of(), Map.of("authorization", List.of("Bearer   ")), null));
        assertThat(empty.status()).isEqualTo(401);
    }
}
