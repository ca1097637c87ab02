package app.coherence.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.Deadlines;
import app.coherence.gcp.GcpTestEnvironment;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The artifacts Terraform deploys, run the way Cloud Functions runs them: each function's shaded deploy
 * jar in its own JVM under Google's Functions Framework invoker, with the entry point and environment
 * variables of infra/, against the Firestore and Auth emulators. Catches what in-process tests cannot:
 * a class or Spring resource lost by the shade, the framework's own request and CloudEvent handling.
 */
class DeployedFunctionsTest {
    private static final String PROJECT = AuthEmulator.DEFAULT_PROJECT; // the ID tokens' audience
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static DeployedFunction api;
    private static DeployedFunction uploadTrigger;
    private static DeployedFunction quota;
    private static DeployedFunction quotaFirestoreGone;
    /** A reservation sent to {@link #quotaFirestoreGone} as soon as it serves: its reply and how long it took. */
    private static CompletableFuture<TimedReply> reservationFirestoreGone;
    private static Firestore firestore;

    /** An HTTP reply and the time it took. */
    private record TimedReply(HttpResponse<String> response, Duration took) {
    }

    @BeforeAll
    static void deploy() {
        // infra/config.tf's common_env, pointing nowhere real: these tests never reach Cloud Tasks or GCS
        Map<String, String> env = GcpTestEnvironment.deployment(PROJECT);
        env.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        env.put("FIREBASE_AUTH_EMULATOR_HOST", EmulatorFixture.auth().hostPort());
        env.put("PUBSUB_EMULATOR_HOST", EmulatorFixture.pubsub().hostPort());
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "app.coherence.gcp.logging.CloudLoggingFormat");

        // the quota function with its Firestore stopped (nothing listens on the port), first: its reservation
        // waits out the Firestore deadline while the other functions start and their tests run
        Map<String, String> goneEnv = new LinkedHashMap<>(env);
        goneEnv.put("SPRING_CLOUD_FUNCTION_DEFINITION", "uploads");
        goneEnv.put("FIRESTORE_EMULATOR_HOST", "127.0.0.1:" + closedPort());
        quotaFirestoreGone = DeployedFunction.start("quota", "quota-firestore-gone", goneEnv);
        String token = EmulatorFixture.auth().signIn("deployed-firestore-gone@example.com", "deployed-password").idToken();
        reservationFirestoreGone = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            HttpResponse<String> reply = quotaFirestoreGone.send(HttpRequest.newBuilder(quotaFirestoreGone.uri("/v1/uploads"))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Pitch\",\"contentType\":\"video/mp4\",\"sizeBytes\":1000}"))
                    .build());
            return new TimedReply(reply, Duration.ofNanos(System.nanoTime() - start));
        });

        Map<String, String> apiEnv = new LinkedHashMap<>(env);
        apiEnv.put("SPRING_CLOUD_FUNCTION_DEFINITION", "api");
        api = DeployedFunction.start("api", apiEnv);
        Map<String, String> triggerEnv = new LinkedHashMap<>(env);
        triggerEnv.put("SPRING_CLOUD_FUNCTION_DEFINITION", "uploadTrigger");
        // Cloud Functions sets this reserved variable itself; without it the framework would serve our entry
        // point (an HttpFunction too) as HTTP and refuse the event
        triggerEnv.put("FUNCTION_SIGNATURE_TYPE", "cloudevent");
        uploadTrigger = DeployedFunction.start("upload-trigger", triggerEnv);
        Map<String, String> quotaEnv = new LinkedHashMap<>(env);
        quotaEnv.put("SPRING_CLOUD_FUNCTION_DEFINITION", "uploads");
        quota = DeployedFunction.start("quota", quotaEnv);
        firestore = FirestoreClients.forEmulator(EmulatorFixture.firestore().hostPort(), PROJECT);
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (api != null) {
            api.close();
        }
        if (uploadTrigger != null) {
            uploadTrigger.close();
        }
        if (quota != null) {
            quota.close();
        }
        if (quotaFirestoreGone != null) {
            quotaFirestoreGone.close();
        }
        if (firestore != null) {
            firestore.close();
        }
    }

    @Test
    void api_servesItsDocument_refusesStrangers_andAnswersASignedInUser() {
        HttpResponse<String> document = api.send(get("/v1/openapi.json").build());
        assertThat(document.statusCode()).as(api.logTail()).isEqualTo(200);
        assertThat(json(document).path("openapi").asText()).startsWith("3.");

        HttpResponse<String> stranger = api.send(get("/v1/videos").build());
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(error(stranger).path("code").asText()).isEqualTo("UNAUTHENTICATED");

        String email = "deployed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = EmulatorFixture.auth().signIn(email, "deployed-password").idToken();
        HttpResponse<String> me = api.send(get("/v1/me").header("Authorization", "Bearer " + token).build());
        assertThat(me.statusCode()).as(api.logTail()).isEqualTo(200);
        assertThat(json(me).path("email").asText()).isEqualTo(email);
        assertThat(json(me).path("plan").asText()).isEqualTo("free");
        HttpResponse<String> videos = api.send(get("/v1/videos").header("Authorization", "Bearer " + token).build());
        assertThat(videos.statusCode()).isEqualTo(200);
        assertThat(json(videos).path("items").size()).isZero();
    }

    @Test
    void api_answersBadInputWithJsonErrors() {
        String token = EmulatorFixture.auth().signIn("deployed-errors@example.com", "deployed-password").idToken();

        DeployedFunction.RawReply badQuery = api.getRaw("/v1/videos?cursor=%zz", "Bearer " + token);
        assertThat(badQuery.status()).as(badQuery.body()).isEqualTo(400);
        assertThat(Json.tree(badQuery.body().getBytes(StandardCharsets.UTF_8)).path("error").path("code").asText())
                .isEqualTo("MALFORMED_REQUEST");

        HttpResponse<String> billing = api.send(HttpRequest.newBuilder(api.uri("/v1/billing/checkout")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plan\":\"pro\"}")).build());
        assertThat(billing.statusCode()).as("no STRIPE_API_KEY in this deployment").isEqualTo(503);
        assertThat(error(billing).path("code").asText()).isEqualTo("BILLING_NOT_CONFIGURED");
    }

    @Test
    void quota_reportsAFreshUsersAllowance_andRefusesABadReservation() {
        String email = "deployed-quota-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = EmulatorFixture.auth().signIn(email, "deployed-password").idToken();

        HttpResponse<String> usage = quota.send(HttpRequest.newBuilder(quota.uri("/v1/usage")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(usage.statusCode()).as(quota.logTail()).isEqualTo(200);
        assertThat(json(usage).path("plan").asText()).isEqualTo("free");
        assertThat(json(usage).path("remaining").path("analysesThisMonth").asInt()).isEqualTo(2);

        HttpResponse<String> notAVideo = quota.send(HttpRequest.newBuilder(quota.uri("/v1/uploads")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Notes\",\"contentType\":\"text/plain\",\"sizeBytes\":1000}"))
                .build());
        assertThat(notAVideo.statusCode()).isEqualTo(415);
        assertThat(error(notAVideo).path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        HttpResponse<String> after = quota.send(HttpRequest.newBuilder(quota.uri("/v1/usage")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(json(after).path("remaining").path("analysesThisMonth").asInt()).as("a refused upload takes no slot").isEqualTo(2);
    }

    @Test
    void uploadTrigger_getsTheStorageCloudEventThroughTheFramework_andActsOnFirestore() throws Exception {
        String videoId = UUID.randomUUID().toString().replace("-", "");
        String path = "uploads/u-deployed/" + videoId;
        Instant now = Instant.now();
        new FirestoreUploadLedger(firestore, new QuotaPolicy(PlanLimits.defaults()))
                .reserve(Video.reserved(videoId, "u-deployed", "Pitch", path, "video/mp4", 100, now, now.plusSeconds(3600)));

        // an Eventarc delivery in binary content mode; 5000 bytes against a 100-byte reservation is
        // rejected from Firestore alone, before any Storage or Cloud Tasks call
        HttpResponse<String> delivered = uploadTrigger.send(HttpRequest.newBuilder(uploadTrigger.uri("/")).timeout(TIMEOUT)
                .header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "google.cloud.storage.object.v1.finalized")
                .header("ce-source", "//storage.googleapis.com/projects/_/buckets/demo-coherence-uploads")
                .header("ce-subject", "objects/" + path)
                .header("ce-time", now.toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bucket\":\"demo-coherence-uploads\",\"name\":\"" + path
                        + "\",\"size\":\"5000\",\"contentType\":\"video/mp4\",\"timeCreated\":\"" + now + "\"}"))
                .build());

        assertThat(delivered.statusCode()).as(uploadTrigger.logTail()).isEqualTo(200);
        Video video = new FirestoreVideoStore(firestore).find(videoId).orElseThrow();
        assertThat(video.status()).as(uploadTrigger.logTail()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void quota_answersAReservation503Unavailable_whenFirestoreIsGone_withinItsDeadline() throws Exception {
        TimedReply reply = reservationFirestoreGone.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(reply.response().statusCode()).as(quotaFirestoreGone.logTail()).isEqualTo(503);
        assertThat(error(reply.response()).path("code").asText()).isEqualTo("UNAVAILABLE");
        // the deadline, plus a first call's connection set-up on a loaded machine
        assertThat(reply.took()).isLessThan(Deadlines.FIRESTORE.plusSeconds(10));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(api.uri(pathAndQuery)).timeout(TIMEOUT).GET();
    }

    private static JsonNode error(HttpResponse<String> response) {
        return json(response).path("error");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
