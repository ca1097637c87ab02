package app.coherence.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.GcpTestEnvironment;
import app.coherence.gcp.function.CoherenceFunctionInvoker;
import app.coherence.gcp.function.FakeHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable api function as Cloud Functions runs it: CoherenceFunctionInvoker starts ApiApplication
 * (GCP ports, Firestore and Auth on their emulators) and serves {@code api}, billing included.
 */
class ApiApplicationTest {
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static CoherenceFunctionInvoker invoker;
    private static AuthEmulator auth;

    @BeforeAll
    static void start() {
        auth = EmulatorFixture.auth();
        ENV.putAll(GcpTestEnvironment.deployment(auth.projectId()));
        ENV.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        ENV.put("FIREBASE_AUTH_EMULATOR_HOST", auth.hostPort());
        ENV.put("logging.structured.format.console", "");
        ENV.forEach(System::setProperty);
        invoker = new CoherenceFunctionInvoker(ApiApplication.class);
    }

    @AfterAll
    static void stop() {
        ENV.keySet().forEach(System::clearProperty);
    }

    private static FakeHttp.Response call(String method, String path, String query, String token) throws Exception {
        FakeHttp.Request request = new FakeHttp.Request(method, path, query, new byte[0]);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        FakeHttp.Response response = new FakeHttp.Response();
        invoker.service(request, response);
        return response;
    }

    @Test
    void api_shouldBeServedWithTheGcpPorts() throws Exception {
        assertThat(call("GET", "/v1/videos", null, null).status).isEqualTo(401);
        assertThat(call("GET", "/v1/openapi.json", null, null).status).isEqualTo(200);

        String token = auth.signIn("api-deploy-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();
        FakeHttp.Response me = call("GET", "/v1/me", null, token);
        assertThat(me.status).isEqualTo(200);
        assertThat(Json.tree(me.body.toByteArray()).path("plan").asText()).isEqualTo("free");

        FakeHttp.Response list = call("GET", "/v1/videos", "limit=5&sort=title&order=asc", token);
        assertThat(list.status).isEqualTo(200);
        JsonNode body = Json.tree(list.body.toByteArray());
        assertThat(body.path("items").isArray()).isTrue();
        assertThat(call("GET", "/v1/videos", "limit=0", token).status).isEqualTo(400);
        assertThat(call("GET", "/v1/videos/nope", null, token).status).isEqualTo(404);
        // billing is deployed with the api: its route answers (not "no such endpoint")
        FakeHttp.Response billing = call("GET", "/v1/billing/nothing-here", null, token);
        assertThat(Json.tree(billing.body.toByteArray()).path("error").path("message").asText()).doesNotContain("not part of this deployment");
    }

    @Test
    void closedAccount_shouldBeSignedOutAtOnce_notRecreatedByItsOwnToken() throws Exception {
        String token = auth.signIn("api-close-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();
        assertThat(call("GET", "/v1/me", null, token).status).isEqualTo(200); // the token is now remembered

        assertThat(call("DELETE", "/v1/me", null, token).status).isEqualTo(200);

        FakeHttp.Response after = call("GET", "/v1/me", null, token);
        assertThat(after.status).as("the same token right after closing").isEqualTo(401);
        assertThat(Json.tree(after.body.toByteArray()).path("error").path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}
