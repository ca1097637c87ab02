package app.coherence.function.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.GcpTestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analysis service as Cloud Run runs it: AnalysisApplication on a real port with the GCP ports
 * (Firestore and Pub/Sub on the emulators) and the OIDC caller check; only Cloud Tasks may start work.
 */
class AnalysisApplicationTest {
    private static ConfigurableApplicationContext context;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Map<String, Object> env = new HashMap<>();
        env.putAll(GcpTestEnvironment.deployment("demo-analysis-" + UUID.randomUUID().toString().substring(0, 8)));
        env.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        env.put("PUBSUB_EMULATOR_HOST", EmulatorFixture.pubsub().hostPort());
        env.put("logging.structured.format.console", "");
        env.put("server.port", "0");
        env.put("server.address", "127.0.0.1");
        context = new SpringApplicationBuilder(AnalysisApplication.class).properties(env).run();
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"videoId\":\"v1\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) {
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).path("error").path("code").asText();
    }

    @Test
    void analyzeTask_shouldAnswer401ToAnyoneButTheTaskQueue() throws Exception {
        assertThat(context.getBean("videoAnalyzer")).isInstanceOf(app.coherence.analysis.CoherenceAnalyzer.class);
        HttpResponse<String> anonymous = post("/tasks/analyze", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(code(anonymous)).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> userToken = post("/tasks/analyze", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertThat(userToken.statusCode()).isEqualTo(401);
        // the local shared secret means nothing on GCP
        HttpResponse<String> secret = http.send(HttpRequest.newBuilder(base.resolve("/tasks/analyze"))
                .header("X-Coherence-Task-Secret", "some-secret-of-enough-length")
                .POST(HttpRequest.BodyPublishers.ofString("{\"videoId\":\"v1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(secret.statusCode()).isEqualTo(401);
    }

    @Test
    void service_shouldAnswerOtherPathsWithJsonErrors() throws Exception {
        assertThat(post("/v1/uploads", null).statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(base.resolve("/tasks/analyze")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(code(get)).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
