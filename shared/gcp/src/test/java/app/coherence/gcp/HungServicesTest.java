package app.coherence.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.json.Json;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.storage.GcsBlobStore;
import app.coherence.gcp.tasks.CloudTasksQueue;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.QueueName;
import com.google.firebase.internal.FirebaseProcessEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Cloud Tasks, Cloud Storage and Firebase Auth clients, configured as the functions configure them, pointed at a
 * server that accepts connections and never answers (a hung service): each call ends UNAVAILABLE
 * (503, retried by the caller or queue) within its deadline from {@link Deadlines}, never hangs.
 * Storage runs with its times scaled down; the real ones keep the same shape.
 */
class HungServicesTest {
    /** A call may overrun its deadline by connection set-up and the last attempt's cancellation. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Duration SCALED_STORAGE = Duration.ofSeconds(4);
    private static final Duration SCALED_STORAGE_READ = Duration.ofSeconds(2);
    /** Backoff between the scaled attempts and the client's set-up: well under one more read. */
    private static final Duration SCALED_MARGIN = Duration.ofSeconds(1);

    /** The failure and how long it took. */
    private record Outcome(Throwable failure, Duration took) {
    }

    private static CompletableFuture<Outcome> timed(Supplier<?> call) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(call::get);
            return new Outcome(failure, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    private static void assertUnavailableWithin(Outcome outcome, Duration deadline, Duration margin) {
        assertThat(outcome.failure()).isInstanceOf(CoherenceException.class);
        assertThat(((CoherenceException) outcome.failure()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(outcome.took()).isLessThan(deadline.plus(margin));
    }

    @Test
    void storageReadTimeout_dividesItsDeadline_soRetriedSilentReadsEndByIt() {
        // a retry starts while the deadline is not over, so the last silent read ends at the next multiple of it
        assertThat(Deadlines.STORAGE.toMillis() % Deadlines.STORAGE_READ.toMillis()).isZero();
        assertThat(SCALED_STORAGE.toMillis() % SCALED_STORAGE_READ.toMillis()).isZero();
    }

    @Test
    void cloudTasksStorageAndAuth_shouldEndUnavailableWithinTheirDeadlines_whenTheServiceHangs() throws Exception {
        String authHostBefore = FirebaseProcessEnvironment.getenv(FirebaseIdentity.AUTH_EMULATOR_HOST);
        String project = "demo-hung-" + UUID.randomUUID().toString().substring(0, 8);
        try (SilentServer tasksServer = new SilentServer(); SilentServer storageServer = new SilentServer();
             SilentServer authServer = new SilentServer()) {
            CloudTasksSettings.Builder settings = GcpPortsConfiguration.cloudTasksSettings()
                    .setCredentialsProvider(NoCredentialsProvider.create());
            settings.setTransportChannelProvider(CloudTasksSettings.defaultGrpcTransportProviderBuilder()
                    .setEndpoint("127.0.0.1:" + tasksServer.port())
                    .setChannelConfigurator(channel -> channel.usePlaintext())
                    .build());
            // Storage with its times scaled down (30 s would cost the test command as much): the same
            // shape, a deadline its read timeout divides, as the real pair is checked to be below
            Storage storage = GcpPortsConfiguration.storageOptions("demo-coherence", SCALED_STORAGE, SCALED_STORAGE_READ)
                    .setHost("http://127.0.0.1:" + storageServer.port())
                    .setCredentials(NoCredentials.getInstance())
                    .build().getService();
            GcsBlobStore blobs = new GcsBlobStore(storage, "coherence-uploads", null, Clock.systemUTC());

            try (CloudTasksClient client = CloudTasksClient.create(settings.build())) {
                CloudTasksQueue queue = new CloudTasksQueue(client, QueueName.of("demo-coherence", "europe-west1", "analysis"),
                        "https://analysis-abc-ew.a.run.app/tasks/analyze", "tasks@demo-coherence.iam.gserviceaccount.com",
                        "https://analysis-abc-ew.a.run.app");
                CompletableFuture<Outcome> enqueue = timed(() -> queue.enqueueAnalysis("v1"));
                CompletableFuture<Outcome> size = timed(() -> blobs.size("uploads/u1/v1"));
                CompletableFuture<Outcome> list = timed(() -> blobs.list("uploads/"));
                // checking a token asks Auth whether it was revoked
                FirebaseIdentity identity = FirebaseIdentity.forEmulator("127.0.0.1:" + authServer.port(), project);
                CompletableFuture<Outcome> verify = timed(() -> identity.verify(unsignedToken(project, "u-hung")));

                assertUnavailableWithin(enqueue.get(), Deadlines.CLOUD_TASKS, MARGIN);
                assertUnavailableWithin(size.get(), SCALED_STORAGE, SCALED_MARGIN);
                assertUnavailableWithin(list.get(), SCALED_STORAGE, SCALED_MARGIN);
                assertUnavailableWithin(verify.get(), Deadlines.AUTH, MARGIN);
            }
            assertThat(tasksServer.accepted()).as("the Cloud Tasks call reached the hung server").isPositive();
            assertThat(storageServer.accepted()).as("the Storage calls reached the hung server").isPositive();
            assertThat(authServer.accepted()).as("the revocation check reached the hung server").isPositive();
        } finally {
            // firebase-admin reads the emulator host as the JVM's variable: other tests' identities use the real one
            if (authHostBefore != null) {
                FirebaseProcessEnvironment.setenv(FirebaseIdentity.AUTH_EMULATOR_HOST, authHostBefore);
            } else {
                FirebaseProcessEnvironment.clearCache();
            }
        }
    }

    /** An ID token as the Auth emulator issues them: unsigned, for {@code project}. */
    private static String unsignedToken(String project, String uid) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of("iss", "https://securetoken.google.com/" + project, "aud", project,
                "sub", uid, "user_id", uid, "iat", now, "exp", now + 3600, "auth_time", now,
                "firebase", Map.of("sign_in_provider", "password", "identities", Map.of()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.bytes(claims)) + ".";
    }
}
