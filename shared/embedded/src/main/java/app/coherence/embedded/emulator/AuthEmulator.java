package app.coherence.embedded.emulator;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Firebase Auth emulator of npm firebase-tools ({@code firebase emulators:start --only auth}), run from
 * the repository's {@code local/emulators/node_modules} (installed by {@code npm ci} there) or from
 * COHERENCE_FIREBASE_BIN.
 */
public final class AuthEmulator extends EmulatorProcess {
    /** Overrides where the firebase command is. */
    public static final String FIREBASE_BIN_ENV = "COHERENCE_FIREBASE_BIN";
    public static final String DEFAULT_PROJECT = "demo-coherence";
    /** The emulator accepts any API key. */
    private static final String ANY_KEY = "emulator-key";

    private final String projectId;
    private final Path workDir;
    private final int hubPort = FreePorts.pick();
    private final int loggingPort = FreePorts.pick();

    /**
     * An emulator on {@code port} (0: a free one) for {@code projectId} (a {@code demo-} id keeps it offline),
     * keeping its config in {@code workDir}, logging to {@code logFile}.
     */
    public AuthEmulator(int port, String projectId, Path workDir, Path logFile) {
        super("auth", FreePorts.orFree(port), logFile);
        this.projectId = projectId;
        this.workDir = workDir.toAbsolutePath();
    }

    public String projectId() {
        return projectId;
    }

    @Override
    protected List<String> command() {
        Path firebase = firebaseBinary();
        if (GcloudSdk.onPath("node").isEmpty()) {
            throw new EmulatorException("node not found on the PATH: the Firebase Auth emulator needs Node.js 20+");
        }
        try {
            Files.createDirectories(workDir.resolve("tmp"));
            String config = "{\"emulators\":{"
                    + "\"auth\":{\"host\":\"127.0.0.1\",\"port\":" + port() + "},"
                    + "\"hub\":{\"host\":\"127.0.0.1\",\"port\":" + hubPort + "},"
                    + "\"logging\":{\"host\":\"127.0.0.1\",\"port\":" + loggingPort + "},"
                    + "\"ui\":{\"enabled\":false}}}";
            Files.writeString(workDir.resolve("firebase.json"), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmulatorException("cannot write the Auth emulator's firebase.json in " + workDir, e);
        }
        return List.of(firebase.toString(), "emulators:start", "--only", "auth", "--project", projectId,
                "--non-interactive");
    }

    @Override
    protected Map<String, String> environment() {
        // A private temp dir keeps this emulator hub's locator file apart from other emulators of the same project.
        return Map.of("TMPDIR", workDir.resolve("tmp").toString(), "CI", "true");
    }

    @Override
    protected Path workingDirectory() {
        return workDir;
    }

    /** The firebase command: COHERENCE_FIREBASE_BIN, else local/emulators/node_modules/.bin/firebase above the working dir. */
    public static Path firebaseBinary() {
        return firebaseBinary(System.getenv(FIREBASE_BIN_ENV), Path.of("").toAbsolutePath());
    }

    static Path firebaseBinary(String configured, Path from) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new EmulatorException(FIREBASE_BIN_ENV + "=" + configured + " is not an executable firebase command");
            }
            return path;
        }
        Optional<Path> emulators = repositoryEmulatorsDir(from);
        if (emulators.isEmpty()) {
            throw new EmulatorException("firebase-tools not found: no local/emulators/package.json above "
                    + from + "; run `npm ci` in <repo>/local/emulators or set " + FIREBASE_BIN_ENV);
        }
        Path bin = emulators.get().resolve("node_modules/.bin/firebase");
        if (!Files.isExecutable(bin)) {
            throw new EmulatorException("firebase-tools is not installed: run `npm ci` in " + emulators.get()
                    + " (or set " + FIREBASE_BIN_ENV + ")");
        }
        return bin;
    }

    /** {@code <repo>/local/emulators}, found by walking up from the working directory. */
    static Optional<Path> repositoryEmulatorsDir(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local/emulators");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A user of the emulator and a fresh ID token for it. */
    public record SignedIn(String uid, String email, String idToken) {
    }

    /** Signs in {@code email} with {@code password}, creating the user first if it does not exist. */
    public SignedIn signIn(String email, String password) {
        JsonNode reply = post("accounts:signInWithPassword", email, password);
        if (reply.has("error")) {
            reply = post("accounts:signUp", email, password);
        }
        if (!reply.hasNonNull("idToken")) {
            throw new EmulatorException("Auth emulator sign-in of " + email + " failed: " + reply);
        }
        return new SignedIn(reply.path("localId").asText(), email, reply.path("idToken").asText());
    }

    /** Deletes every user of the project (between tests). */
    public void clear() {
        URI uri = URI.create("http://" + hostPort() + "/emulator/v1/projects/" + projectId + "/accounts");
        send(HttpRequest.newBuilder(uri).DELETE().build());
    }

    private JsonNode post(String method, String email, String password) {
        String body = Json.write(Map.of("email", email, "password", password, "returnSecureToken", true));
        URI uri = URI.create("http://" + hostPort() + "/identitytoolkit.googleapis.com/v1/" + method + "?key=" + ANY_KEY);
        return Json.tree(send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()).getBytes(StandardCharsets.UTF_8));
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(request, (n, v) -> true)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return reply.body();
        } catch (IOException e) {
            throw new EmulatorException("Auth emulator request " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }
}
