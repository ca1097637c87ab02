package app.coherence.function.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.GcpTestEnvironment;
import app.coherence.gcp.function.CoherenceFunctionInvoker;
import app.coherence.gcp.function.FakeHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable quota function as Cloud Functions runs it: the entry point CoherenceFunctionInvoker
 * starts QuotaApplication (GCP ports, Firestore and Auth on their emulators) and serves {@code uploads}.
 */
class QuotaApplicationTest {
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
        invoker = new CoherenceFunctionInvoker(QuotaApplication.class);
    }

    @AfterAll
    static void stop() {
        ENV.keySet().forEach(System::clearProperty);
    }

    private static FakeHttp.Response call(String method, String path, String token, String body) throws Exception {
        FakeHttp.Request request = new FakeHttp.Request(method, path, null,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Content-Type", "application/json");
        FakeHttp.Response response = new FakeHttp.Response();
        invoker.service(request, response);
        return response;
    }

    @Test
    void uploads_shouldBeServedWithTheGcpPorts() throws Exception {
        FakeHttp.Response anonymous = call("POST", "/v1/uploads", null, "{\"contentType\":\"video/mp4\",\"sizeBytes\":10}");
        assertThat(anonymous.status).isEqualTo(401);

        String token = auth.signIn("deploy-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();
        FakeHttp.Response unsupported = call("POST", "/v1/uploads", token, "{\"contentType\":\"text/plain\",\"sizeBytes\":10}");
        assertThat(unsupported.status).isEqualTo(415);

        FakeHttp.Response usage = call("GET", "/v1/usage", token, null);
        assertThat(usage.status).isEqualTo(200);
        JsonNode body = Json.tree(usage.body.toByteArray());
        assertThat(body.path("plan").asText()).isEqualTo("free");
        assertThat(body.path("used").path("analysesThisMonth").asInt()).isZero();
    }
}
