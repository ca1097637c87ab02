package app.coherence.local.e2e;

import app.coherence.core.json.Json;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.local.CoherenceLocal;
import app.coherence.local.LocalAddress;
import app.coherence.local.LocalEmulators;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole local system started in-process, as {@code ./coherence up} starts it, on free ports over
 * a given data directory; plus the client side of a test: sign-in and HTTP calls.
 */
final class RunningSystem implements LocalHttp, AutoCloseable {
    static final String PASSWORD = "e2e-password";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningSystem(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningSystem start(Path dataDir, Path logFile, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0",
                "--coherence.data-dir=" + dataDir,
                "--coherence.firestore-rules=../infra/firestore.rules",
                "--coherence.web-dir=../web",
                "--logging.file.name=" + logFile));
        args.addAll(List.of(extraArgs));
        return new RunningSystem(CoherenceLocal.start(args.toArray(String[]::new)));
    }

    @Override
    public String baseUrl() {
        return context.getBean(LocalAddress.class).baseUrl();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    LocalEmulators emulators() {
        return bean(LocalEmulators.class);
    }

    AuthEmulator.SignedIn signIn(String email) {
        return emulators().auth().signIn(email, PASSWORD);
    }

    @Override
    public Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP answer with its JSON body parsed when it is JSON. */
    record Reply(int status, String body) {
        JsonNode json() {
            return Json.tree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }
}
