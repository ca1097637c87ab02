package app.coherence.function.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.user.UserStore;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * The uploads bean as a client meets it: Auth emulator ID tokens, the Firestore emulator, real blob
 * signing. A free user gets two reservations, then 429 with the limit; GET /v1/usage agrees, and the
 * account document was created on first use.
 */
class QuotaFlowTest {
    private static FirestoreTestEmulator firestore;
    private static Firestore db;
    private static AuthEmulator auth;
    private static HttpFunction uploads;

    @BeforeAll
    static void start() throws Exception {
        firestore = FirestoreTestEmulator.shared();
        db = firestore.admin();
        auth = EmulatorFixture.auth();
        Clock clock = Clock.systemUTC();
        FirestoreUserStore users = new FirestoreUserStore(db, clock);
        FirestoreUploadLedger ledger = new FirestoreUploadLedger(db, new QuotaPolicy(PlanLimits.defaults()));
        Path blobs = Files.createTempDirectory("quota-flow-blobs");
        FileSystemBlobStore blobStore = new FileSystemBlobStore(blobs, "local-bucket",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), () -> "http://127.0.0.1:1", clock);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("userStore", users);
        beans.addBean("uploadLedger", ledger);
        beans.addBean("planLimits", PlanLimits.defaults());
        uploads = new QuotaFunctionConfiguration().uploads(
                FirebaseIdentity.forEmulator(auth.hostPort(), auth.projectId()),
                beans.getBeanProvider(UserStore.class), UploadRules.defaults(), ledger, new FirestoreVideoStore(db),
                blobStore, null, clock,
                beans.getBeanProvider(app.coherence.core.quota.UsageStore.class),
                beans.getBeanProvider(PlanLimits.class),
                beans.getBeanProvider(app.coherence.core.job.TaskCallerCheck.class),
                new StandardEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        firestore.close();
    }

    private static HttpReply call(String method, String path, String token, String body) {
        return uploads.apply(new HttpCall(method, path, Map.of(), Map.of("authorization", List.of("Bearer " + token)),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void freeUser_shouldGetTwoReservationsThen429AndUsageShouldAgree() throws Exception {
        String email = "quota-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        AuthEmulator.SignedIn user = auth.signIn(email, "password-123");
        String body = "{\"title\":\"My talk\",\"contentType\":\"video/mp4\",\"sizeBytes\":1048576}";

        assertThat(call("POST", "/v1/uploads", user.idToken(), body).status()).isEqualTo(201);
        assertThat(call("POST", "/v1/uploads", user.idToken(), body).status()).isEqualTo(201);
        HttpReply refused = call("POST", "/v1/uploads", user.idToken(), body);
        assertThat(refused.status()).isEqualTo(429);
        JsonNode error = Json.tree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(error.path("limit").asInt()).isEqualTo(2);
        assertThat(error.path("used").asInt()).isEqualTo(2);
        assertThat(error.path("resetsAt").asText()).endsWith("-01T00:00:00Z");
        assertThat(error.path("message").asText()).contains("2 analyses");

        HttpReply usage = call("GET", "/v1/usage", user.idToken(), null);
        assertThat(usage.status()).isEqualTo(200);
        JsonNode report = Json.tree(usage.body());
        assertThat(report.path("plan").asText()).isEqualTo("free");
        assertThat(report.path("limits").path("analysesThisMonth").asInt()).isEqualTo(2);
        assertThat(report.path("limits").path("uploadsToday").asInt()).isEqualTo(10);
        assertThat(report.path("used").path("analysesThisMonth").asInt()).isEqualTo(2);
        assertThat(report.path("remaining").path("analysesThisMonth").asInt()).isZero();
        assertThat(report.path("resetsAt").path("month").asText()).endsWith("-01T00:00:00Z");

        assertThat(db.collection("videos").whereEqualTo("userId", user.uid()).get().get().size()).isEqualTo(2);
        DocumentSnapshot account = db.collection("users").document(user.uid()).get().get();
        assertThat(account.getString("email")).isEqualTo(email);
        assertThat(account.getString("plan")).isEqualTo("free");
        assertThat(account.getTimestamp("createdAt")).isNotNull();
    }

    @Test
    void usage_withoutValidToken_shouldBe401() {
        assertThat(call("GET", "/v1/usage", "not-a-token", null).status()).isEqualTo(401);
    }
}
