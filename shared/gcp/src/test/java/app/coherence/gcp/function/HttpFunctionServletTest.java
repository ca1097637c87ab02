package app.coherence.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** The Cloud Run hosting: a real Tomcat on 127.0.0.1 serving the bean named by the definition. */
class HttpFunctionServletTest {
    private static ConfigurableApplicationContext context;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @Import({BridgeTestApplication.class, CloudRunHttpConfiguration.class})
    static class CloudRunTestApplication {
    }

    @BeforeAll
    static void start() {
        SpringApplication app = new SpringApplication(CloudRunTestApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(Map.of("spring.cloud.function.definition", "echo", "server.port", "0",
                "server.address", "127.0.0.1"));
        context = app.run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void servlet_shouldHandTheFunctionTheRequestAndSendItsReply() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/things/t-9?a=1&b=x%20y"))
                .header("Authorization", "Bearer tok")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"k\":\"v\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/v1/things/t-9");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode seen = Json.tree(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(seen.path("method").asText()).isEqualTo("POST");
        assertThat(seen.path("path").asText()).isEqualTo("/v1/things/t-9");
        assertThat(seen.path("query").path("b").get(0).asText()).isEqualTo("x y");
        assertThat(seen.path("auth").asText()).isEqualTo("Bearer tok");
        assertThat(seen.path("body").asText()).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void servlet_shouldPassErrorReplies() throws Exception {
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(base.resolve("/v1/things/t-9")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.resolve("/elsewhere"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.tree(missing.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("error").path("code").asText())
                .isEqualTo("NOT_FOUND");
    }
}
