package app.coherence.gcp.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.QueueName;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Cloud Tasks client over its HTTP/JSON transport against a local server that answers like
 * cloudtasks.googleapis.com: 200 with the task, 409 ALREADY_EXISTS for a name it has seen.
 */
class CloudTasksQueueTest {
    private static final QueueName QUEUE = QueueName.of("demo-coherence", "europe-west1", "analysis");
    private static final String TARGET = "https://analysis-abc-ew.a.run.app/tasks/analyze";
    private static final String INVOKER = "tasks-invoker@demo-coherence.iam.gserviceaccount.com";

    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile int failWith;
    private HttpServer server;
    private CloudTasksClient client;
    private CloudTasksQueue queue;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = CloudTasksClient.create(CloudTasksSettings.newHttpJsonBuilder()
                .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
        queue = new CloudTasksQueue(client, QUEUE, TARGET, INVOKER, "https://analysis-abc-ew.a.run.app");
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        JsonNode body = Json.tree(exchange.getRequestBody().readAllBytes());
        bodies.add(body);
        JsonNode task = body.path("task");
        String name = task.path("name").asText();
        if (failWith != 0) {
            reply(exchange, failWith, "{\"error\":{\"code\":" + failWith + ",\"message\":\"backend unavailable\",\"status\":\"UNAVAILABLE\"}}");
        } else if (!names.add(name)) {
            reply(exchange, 409, "{\"error\":{\"code\":409,\"message\":\"Requested entity already exists\",\"status\":\"ALREADY_EXISTS\"}}");
        } else {
            reply(exchange, 200, Json.write(task));
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void enqueue_shouldCreateANamedHttpTaskWithOidcToken() {
        assertThat(queue.enqueueAnalysis("vid-123")).isTrue();

        assertThat(paths).containsExactly("POST /v2/projects/demo-coherence/locations/europe-west1/queues/analysis/tasks");
        JsonNode task = bodies.get(0).path("task");
        assertThat(task.path("name").asText())
                .isEqualTo("projects/demo-coherence/locations/europe-west1/queues/analysis/tasks/vid-123");
        JsonNode http = task.path("httpRequest");
        assertThat(http.path("url").asText()).isEqualTo(TARGET);
        // the client asks for enum-encoding=int
        assertThat(http.path("httpMethod").asInt()).isEqualTo(HttpMethod.POST_VALUE);
        assertThat(http.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(Json.tree(Base64.getDecoder().decode(http.path("body").asText())).path("videoId").asText())
                .isEqualTo("vid-123");
        assertThat(http.path("oidcToken").path("serviceAccountEmail").asText()).isEqualTo(INVOKER);
        assertThat(http.path("oidcToken").path("audience").asText()).isEqualTo("https://analysis-abc-ew.a.run.app");
    }

    @Test
    void enqueueTwice_shouldEnqueueOnce() {
        assertThat(queue.enqueueAnalysis("vid-7")).isTrue();
        assertThat(queue.enqueueAnalysis("vid-7")).isFalse();
        assertThat(queue.enqueueAnalysis("vid-8")).isTrue();
        assertThat(names).containsExactlyInAnyOrder(QUEUE + "/tasks/vid-7", QUEUE + "/tasks/vid-8");
    }

    @Test
    void serviceUnavailable_shouldFailAsUnavailable() {
        failWith = 503;

        assertThatThrownBy(() -> queue.enqueueAnalysis("vid-9"))
                .isInstanceOf(CoherenceException.class)
                .hasMessageContaining("enqueuing the analysis of video vid-9 failed")
                .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
