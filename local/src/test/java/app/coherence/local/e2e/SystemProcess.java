package app.coherence.local.e2e;

import app.coherence.core.json.Json;
import app.coherence.local.CoherenceLocal;
import app.coherence.local.e2e.RunningSystem.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local system as {@code ./coherence up} runs it, in a JVM of its own (so it can be SIGKILLed):
 * started on a free port over a given data directory, found through the runtime file it writes; plus
 * the client side (HTTP calls, sign-in against its Auth emulator as the web client does).
 */
final class SystemProcess implements LocalHttp, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final JsonNode runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SystemProcess(Process process, JsonNode runtime) {
        this.process = process;
        this.runtime = runtime;
    }

    /** Starts the system and returns once /healthz answers 200. */
    static SystemProcess start(Path dataDir, Path logFile, String... extraArgs) throws Exception {
        // under surefire java.class.path is only its booter jar; the real test class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // -Xss8m: with the default 1 MB thread stacks this process died of SIGSEGV (exit 139, no hs_err file)
        // at the start of its first analysis on a loaded machine, twice in a row; with 8 MB it did not
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xss8m", "-XX:ErrorFile=" + logFile.toAbsolutePath().getParent().resolve("hs_err_%p.log"),
                "-cp", classPath, CoherenceLocal.class.getName(), "--port", "0",
                "--coherence.data-dir=" + dataDir,
                "--coherence.firestore-rules=../infra/firestore.rules",
                "--coherence.web-dir=../web"));
        command.addAll(List.of(extraArgs));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        Path runtimeFile = dataDir.resolve("runtime.json");
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the system exited with " + process.exitValue() + " while starting; see " + logFile);
            }
            JsonNode runtime = ours(runtimeFile, process.pid());
            if (runtime != null) {
                SystemProcess system = new SystemProcess(process, runtime);
                if (system.get("/healthz", null).status() == 200) {
                    return system;
                }
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the system did not become ready within " + START_TIMEOUT + "; see " + logFile);
    }

    private static JsonNode ours(Path runtimeFile, long pid) {
        try {
            JsonNode runtime = Json.tree(Files.readAllBytes(runtimeFile));
            return runtime.path("pid").asLong() == pid ? runtime : null;
        } catch (IOException | RuntimeException notYet) {
            return null;
        }
    }

    @Override
    public String baseUrl() {
        return runtime.path("baseUrl").asText();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no final export; the emulator children are left running as orphans. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A user of the Auth emulator, with the ID and refresh tokens the web client keeps. */
    record Session(String uid, String idToken, String refreshToken) {
    }

    /** Signs {@code email} up (or in) against the system's Auth emulator, as the web client does. */
    Session signIn(String email, String password) throws Exception {
        Map<String, Object> body = Map.of("email", email, "password", password, "returnSecureToken", true);
        Reply reply = authCall("accounts:signInWithPassword", body);
        if (reply.status() != 200) {
            reply = authCall("accounts:signUp", body);
        }
        JsonNode json = reply.json();
        return new Session(json.path("localId").asText(), json.path("idToken").asText(), json.path("refreshToken").asText());
    }

    /** What the Auth emulator says of an ID token (accounts:lookup, which the web client calls on reload). */
    Reply lookup(String idToken) throws Exception {
        return authCall("accounts:lookup", Map.of("idToken", idToken));
    }

    /** A fresh ID token for a refresh token (securetoken, as the web client renews its session). */
    Reply refresh(String refreshToken) throws Exception {
        String url = "http://" + runtime.path("authEmulatorHost").asText() + "/securetoken.googleapis.com/v1/token?key=emulator-key";
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken)));
    }

    private Reply authCall(String method, Map<String, Object> body) throws Exception {
        String url = "http://" + runtime.path("authEmulatorHost").asText() + "/identitytoolkit.googleapis.com/v1/" + method
                + "?key=emulator-key";
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))));
    }

    @Override
    public Reply send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            } catch (java.net.ConnectException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the system process exited (code " + process.exitValue() + ")", e);
                }
                if (attempt == 3) {
                    throw e; // a loaded machine may be slow to accept, never three times over
                }
            }
        }
    }

    /** A graceful stop (SIGTERM: the data is exported and the emulators stopped); SIGKILL if that hangs. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
