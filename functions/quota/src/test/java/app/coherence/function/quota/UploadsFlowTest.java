package app.coherence.function.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.embedded.task.DispatcherSettings;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/** POST /v1/uploads with real ID tokens from the Firebase Auth emulator, writing to the Firestore emulator. */
class UploadsFlowTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static AuthEmulator auth;

    @TempDir
    Path dir;

    private FirestoreTestEmulator firestore;
    private FirestoreVideoStore videos;
    private LocalTaskDispatcher queue;
    private HttpFunction uploads;
    private AuthEmulator.SignedIn ada;

    @BeforeAll
    static void startAuth() {
        auth = EmulatorFixture.auth();
    }

    @BeforeEach
    void start() {
        firestore = FirestoreTestEmulator.shared();
        videos = new FirestoreVideoStore(firestore.admin());
        FirestoreUploadLedger ledger = new FirestoreUploadLedger(firestore.admin(), new QuotaPolicy(PlanLimits.defaults()));
        FirestoreUserStore users = new FirestoreUserStore(firestore.admin(), CLOCK);
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir, "coherence-uploads",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), () -> "http://127.0.0.1:8080", CLOCK);
        queue = new LocalTaskDispatcher(DispatcherSettings.defaults(), () -> URI.create("http://127.0.0.1:9/tasks/analyze"),
                "task-secret-of-sufficient-length", CLOCK);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("userStore", users);
        beans.addBean("usageStore", ledger);
        uploads = new QuotaFunctionConfiguration().uploads(
                FirebaseIdentity.forEmulator(auth.hostPort(), auth.projectId()),
                beans.getBeanProvider(app.coherence.core.user.UserStore.class), UploadRules.defaults(), ledger, videos,
                blobs, queue, CLOCK, beans.getBeanProvider(app.coherence.core.quota.UsageStore.class),
                beans.getBeanProvider(PlanLimits.class), beans.getBeanProvider(app.coherence.core.job.TaskCallerCheck.class),
                new StandardEnvironment());
        ada = auth.signIn("ada-" + UUID.randomUUID() + "@example.com", "s3cret-pass");
    }

    @AfterEach
    void stop() throws Exception {
        queue.close();
        firestore.close();
    }

    private HttpReply post(String token, String body) {
        Map<String, List<String>> headers = token == null ? Map.of("content-type", List.of("application/json"))
                : Map.of("authorization", List.of("Bearer " + token), "content-type", List.of("application/json"));
        return uploads.apply(new HttpCall("POST", "/v1/uploads", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode error(HttpReply reply) {
        return Json.tree(reply.body()).path("error");
    }

    private int videosOf(String uid) throws Exception {
        return firestore.admin().collection("videos").whereEqualTo("userId", uid).get().get().size();
    }

    @Test
    void reserve_shouldCreateTheVideoAndAnswerWithItsUploadUrl() throws Exception {
        HttpReply reply = post(ada.idToken(), "{\"title\":\"  Quarterly pitch \",\"contentType\":\"video/mp4\",\"sizeBytes\":1048576}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = Json.tree(reply.body());
        String videoId = body.path("videoId").asText();
        assertThat(videoId).matches("[0-9a-f]{32}");
        assertThat(body.path("uploadUrl").asText()).startsWith("http://127.0.0.1:8080" + FileSystemBlobStore.UPLOAD_PATH + "?")
                .contains("uploads%2F" + ada.uid() + "%2F" + videoId);
        assertThat(body.path("uploadHeaders").path("Content-Type").asText()).isEqualTo("video/mp4");
        // the same object through a resumable session: a signed POST the client opens it with
        assertThat(body.path("resumableUrl").asText()).startsWith("http://127.0.0.1:8080" + FileSystemBlobStore.UPLOAD_PATH + "?")
                .contains("uploads%2F" + ada.uid() + "%2F" + videoId).isNotEqualTo(body.path("uploadUrl").asText());
        assertThat(body.path("resumableHeaders").path("x-goog-resumable").asText()).isEqualTo("start");
        assertThat(body.path("resumableHeaders").path("Content-Type").asText()).isEqualTo("video/mp4");
        Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
        assertThat(Duration.between(CLOCK.instant(), expiresAt)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));

        Video video = videos.find(videoId).orElseThrow();
        assertThat(video.userId()).isEqualTo(ada.uid());
        assertThat(video.status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        assertThat(video.title()).isEqualTo("Quarterly pitch");
        assertThat(video.sizeBytes()).isEqualTo(1_048_576L);
        assertThat(video.storagePath()).isEqualTo("uploads/" + ada.uid() + "/" + videoId);
        // First use of the product creates the account document.
        assertThat(firestore.admin().collection("users").document(ada.uid()).get().get().getString("plan")).isEqualTo("free");
    }

    @Test
    void reserve_shouldAnswer401ForMissingOrForgedTokens() throws Exception {
        String body = "{\"title\":\"t\",\"contentType\":\"video/mp4\",\"sizeBytes\":10}";
        assertThat(post(null, body).status()).isEqualTo(401);
        assertThat(error(post(null, body)).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        String[] parts = ada.idToken().split("\\.", -1);
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        assertThat(post(forged, body).status()).isEqualTo(401);
        assertThat(post("garbage", body).status()).isEqualTo(401);
        assertThat(videosOf(ada.uid())).isZero();
    }

    @Test
    void reserve_shouldRefuseBadRequestsWithTheirCodeAndWriteNothing() throws Exception {
        String token = ada.idToken();
        Map<String, Integer> statusByBody = Map.of(
                "not json", 400,
                "[]", 400,
                "{\"title\":\"t\",\"sizeBytes\":10}", 400,
                "{\"title\":\"t\",\"contentType\":\"image/png\",\"sizeBytes\":10}", 415,
                "{\"title\":\"t\",\"contentType\":\"video/mp4\",\"sizeBytes\":0}", 400,
                "{\"title\":\"t\",\"contentType\":\"video/mp4\",\"sizeBytes\":\"ten\"}", 400,
                "{\"title\":\"t\",\"contentType\":\"video/mp4\",\"sizeBytes\":6000000000}", 413,
                "{\"title\":\"" + "x".repeat(201) + "\",\"contentType\":\"video/mp4\",\"sizeBytes\":10}", 400);
        for (Map.Entry<String, Integer> c : statusByBody.entrySet()) {
            HttpReply reply = post(token, c.getKey());
            assertThat(reply.status()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(error(reply).path("message").asText()).as(c.getKey()).isNotBlank();
        }
        assertThat(error(post(token, "{\"contentType\":\"video/mp4\",\"sizeBytes\":6000000000}")).path("code").asText())
                .isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(videosOf(ada.uid())).isZero();
    }

    @Test
    void reserve_shouldAnswer429WhenTheFreePlanIsUsedUp() throws Exception {
        String body = "{\"title\":\"t\",\"contentType\":\"video/webm\",\"sizeBytes\":100}";
        assertThat(post(ada.idToken(), body).status()).isEqualTo(201);
        assertThat(post(ada.idToken(), body).status()).isEqualTo(201);

        HttpReply third = post(ada.idToken(), body);

        assertThat(third.status()).isEqualTo(429);
        assertThat(error(third).path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(error(third).path("limit").asInt()).isEqualTo(2);
        assertThat(error(third).path("used").asInt()).isEqualTo(2);
        assertThat(error(third).path("resetsAt").asText()).isNotBlank();
        assertThat(videosOf(ada.uid())).isEqualTo(2);
    }

    @Test
    void uploads_shouldAnswer405ForOtherMethods() {
        HttpReply reply = uploads.apply(HttpCall.of("DELETE", "/v1/uploads"));
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("Allow", "POST");
    }
}
