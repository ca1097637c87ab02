package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * infra/firestore.rules, enforced by the real emulator, seen through the client REST API with end-user
 * ID tokens (the emulator accepts unsigned ones): each user reads only their own documents and writes
 * nothing but their own display name.
 */
class FirestoreRulesTest {
    private static final Path RULES = Path.of("../../infra/firestore.rules");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FirestoreTestEmulator emulator;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assertThat(RULES).exists();
        Path log = Files.createDirectories(Path.of("target", "emulators")).resolve("firestore-rules.log");
        emulator = FirestoreTestEmulator.withRules(RULES, log);
        base = "http://" + emulator.hostPort() + "/v1/projects/" + emulator.projectId() + "/databases/(default)/documents";
        Firestore admin = emulator.admin();
        for (String uid : new String[] {"alice", "bob"}) {
            admin.collection("users").document(uid).set(Map.of("email", uid + "@example.com", "displayName", uid,
                    "plan", "free", "stripeCustomerId", "cus_" + uid)).get();
            admin.collection("videos").document("v-" + uid).set(Map.of("userId", uid, "status", "completed",
                    "coherenceScore", 80, "title", "talk of " + uid)).get();
            admin.collection("analyses").document("v-" + uid).set(Map.of("userId", uid, "coherenceScore", 80)).get();
            admin.collection("usage").document(uid + "_2026-11").set(Map.of("userId", uid, "analyses", 1)).get();
            admin.collection("notifications").document("n-" + uid).set(Map.of("userId", uid, "videoId", "v-" + uid,
                    "errorCode", "INTERNAL", "read", false)).get();
            admin.collection("subscriptions").document(uid).set(Map.of("userId", uid, "plan", "pro", "status", "active")).get();
        }
        admin.collection("stripeEvents").document("evt_1").set(Map.of("userId", "alice", "type", "x")).get();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    /** An ID token as the Auth emulator's clients send it; the Firestore emulator does not check signatures. */
    private static String tokenOf(String uid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(Json.write(Map.of("sub", uid, "user_id", uid, "aud", emulator.projectId(),
                "iss", "https://securetoken.google.com/" + emulator.projectId(), "iat", now, "exp", now + 3600,
                "auth_time", now, "email", uid + "@example.com",
                "firebase", Map.of("sign_in_provider", "password"))).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static int get(String uid, String path) throws Exception {
        return send(uid, HttpRequest.newBuilder(URI.create(base + "/" + path)).GET());
    }

    private static int patch(String uid, String path, String field, String json) throws Exception {
        String body = "{\"fields\":{\"" + field + "\":" + json + "}}";
        return send(uid, HttpRequest.newBuilder(URI.create(base + "/" + path + "?updateMask.fieldPaths=" + field))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static int queryVideos(String uid, String ownerFilter) throws Exception {
        String where = ownerFilter == null ? "" : ",\"where\":{\"fieldFilter\":{\"field\":{\"fieldPath\":\"userId\"},"
                + "\"op\":\"EQUAL\",\"value\":{\"stringValue\":\"" + ownerFilter + "\"}}}";
        String body = "{\"structuredQuery\":{\"from\":[{\"collectionId\":\"videos\"}]" + where + "}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + ":runQuery"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(uid, request);
    }

    private static int send(String uid, HttpRequest.Builder request) throws Exception {
        if (uid != null) {
            request.header("Authorization", "Bearer " + tokenOf(uid));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void user_shouldReadTheirOwnDocuments() throws Exception {
        assertThat(get("alice", "users/alice")).isEqualTo(200);
        assertThat(get("alice", "videos/v-alice")).isEqualTo(200);
        assertThat(get("alice", "analyses/v-alice")).isEqualTo(200);
        assertThat(get("alice", "usage/alice_2026-11")).isEqualTo(200);
        assertThat(get("alice", "subscriptions/alice")).isEqualTo(200);
        assertThat(get("alice", "notifications/n-alice")).isEqualTo(200);
        assertThat(queryVideos("alice", "alice")).isEqualTo(200);
    }

    @Test
    void user_shouldNotReadAnotherUsersDocuments() throws Exception {
        assertThat(get("alice", "users/bob")).isEqualTo(403);
        assertThat(get("alice", "videos/v-bob")).isEqualTo(403);
        assertThat(get("alice", "analyses/v-bob")).isEqualTo(403);
        assertThat(get("alice", "usage/bob_2026-11")).isEqualTo(403);
        assertThat(get("alice", "subscriptions/bob")).isEqualTo(403);
        assertThat(get("alice", "notifications/n-bob")).isEqualTo(403);
        assertThat(get("alice", "stripeEvents/evt_1")).isEqualTo(403);
        assertThat(queryVideos("alice", "bob")).isEqualTo(403);
        assertThat(queryVideos("alice", null)).as("an unfiltered query could return others' videos").isEqualTo(403);
    }

    @Test
    void signedOutClient_shouldReadNothing() throws Exception {
        assertThat(get(null, "videos/v-alice")).isEqualTo(403);
        assertThat(get(null, "users/alice")).isEqualTo(403);
    }

    @Test
    void user_shouldNotWriteStatusScoreOrAnythingButTheirDisplayName() throws Exception {
        assertThat(patch("alice", "videos/v-alice", "status", "{\"stringValue\":\"queued\"}")).isEqualTo(403);
        assertThat(patch("alice", "videos/v-alice", "coherenceScore", "{\"integerValue\":\"100\"}")).isEqualTo(403);
        assertThat(patch("alice", "analyses/v-alice", "coherenceScore", "{\"integerValue\":\"100\"}")).isEqualTo(403);
        assertThat(patch("alice", "usage/alice_2026-11", "analyses", "{\"integerValue\":\"0\"}")).isEqualTo(403);
        assertThat(patch("alice", "notifications/n-alice", "read", "{\"booleanValue\":true}")).isEqualTo(403);
        assertThat(patch("alice", "subscriptions/alice", "plan", "{\"stringValue\":\"pro\"}")).isEqualTo(403);
        assertThat(patch("alice", "users/alice", "plan", "{\"stringValue\":\"pro\"}")).isEqualTo(403);
        assertThat(patch("alice", "videos/v-new", "userId", "{\"stringValue\":\"alice\"}")).as("no creating videos").isEqualTo(403);
        assertThat(patch("alice", "users/bob", "displayName", "{\"stringValue\":\"hacked\"}")).isEqualTo(403);
        assertThat(patch("alice", "users/alice", "displayName", "{\"stringValue\":\"\"}")).isEqualTo(403);
        assertThat(patch("alice", "users/alice", "displayName", "{\"stringValue\":\"" + "x".repeat(81) + "\"}")).isEqualTo(403);
        assertThat(patch("alice", "users/alice", "displayName", "{\"integerValue\":\"7\"}")).isEqualTo(403);
        assertThat(patch("alice", "users/alice", "displayName", "{\"stringValue\":\"Alice A.\"}")).isEqualTo(200);
        assertThat(emulator.admin().collection("users").document("alice").get().get().getString("displayName"))
                .isEqualTo("Alice A.");
        assertThat(emulator.admin().collection("videos").document("v-alice").get().get().getString("status"))
                .isEqualTo("completed");
    }
}
