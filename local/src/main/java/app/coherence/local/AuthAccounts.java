package app.coherence.local;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Auth emulator's accounts across restarts, so a user keeps their uid (and so their videos):
 * downloaded through the Identity Toolkit admin API into a JSON file, uploaded again at the next start.
 * Each account's {@code validSince} is put back too: the emulator's import sets it to the import time,
 * which would refuse every ID token issued before the restart as expired and end every session.
 */
final class AuthAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(AuthAccounts.class);
    private static final List<String> KEPT_FIELDS = List.of("localId", "email", "emailVerified", "displayName",
            "salt", "passwordHash", "createdAt", "disabled", "validSince");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String hostPort;
    private final String projectId;
    private final Path file;

    AuthAccounts(String hostPort, String projectId, Path file) {
        this.hostPort = hostPort;
        this.projectId = projectId;
        this.file = file;
    }

    /** Writes every account to the file (replacing it only once complete). */
    synchronized int save() {
        ArrayNode users = Json.mapper().createArrayNode();
        String pageToken = null;
        do {
            String url = admin("accounts:batchGet?maxResults=1000"
                    + (pageToken == null ? "" : "&nextPageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8)));
            JsonNode page = send(HttpRequest.newBuilder(URI.create(url)).GET());
            for (JsonNode user : page.path("users")) {
                ObjectNode kept = users.addObject();
                for (String field : KEPT_FIELDS) {
                    if (user.has(field)) {
                        kept.set(field, user.get(field));
                    }
                }
            }
            pageToken = page.hasNonNull("nextPageToken") && page.path("users").size() > 0
                    ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "accounts", ".tmp");
            Files.write(temp, Json.bytes(users));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return users.size();
    }

    /** Recreates the saved accounts (same uid, email and password) in a fresh emulator. */
    synchronized int restore() {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        JsonNode users;
        try {
            users = Json.tree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the saved Auth accounts {}: {}", file, e.getMessage());
            return 0;
        }
        if (!users.isArray() || users.isEmpty()) {
            return 0;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("users", users);
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(admin("accounts:batchCreate")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))));
        if (reply.path("error").isArray() && !reply.path("error").isEmpty()) {
            LOG.warn("some Auth accounts were not restored: {}", reply.path("error"));
        }
        for (JsonNode user : users) {
            if (user.hasNonNull("validSince")) {
                // an admin update may set validSince to any value (the import may not)
                ObjectNode update = Json.mapper().createObjectNode();
                update.set("localId", user.get("localId"));
                update.set("validSince", user.get("validSince"));
                try {
                    send(HttpRequest.newBuilder(URI.create(admin("accounts:update")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(update))));
                } catch (IllegalStateException e) {
                    LOG.warn("tokens of Auth account {} issued before the restart will be refused: {}",
                            user.path("localId").asText(), e.getMessage());
                }
            }
        }
        return users.size();
    }

    private String admin(String method) {
        return "http://" + hostPort + "/identitytoolkit.googleapis.com/v1/projects/" + projectId + "/" + method;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            // The emulator takes "owner" as the admin credential.
            HttpResponse<byte[]> reply = http.send(request.header("Authorization", "Bearer owner")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("Auth emulator answered HTTP " + reply.statusCode() + ": "
                        + new String(reply.body(), StandardCharsets.UTF_8));
            }
            return Json.tree(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException("Auth emulator unreachable at " + hostPort + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
