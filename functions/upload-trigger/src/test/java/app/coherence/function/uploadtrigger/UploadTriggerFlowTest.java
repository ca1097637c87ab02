package app.coherence.function.uploadtrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.UploadRequest;
import app.coherence.core.upload.UploadReservation;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.upload.UploadService;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.task.DispatcherSettings;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.embedded.task.RetryPolicy;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload trigger against real parts: Firestore emulator (videos, ledger), the file blob store with
 * its signed URLs, and the in-process dispatcher delivering tasks over HTTP to a recording endpoint.
 */
class UploadTriggerFlowTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private FirestoreTestEmulator firestore;
    private TaskTarget target;
    private LocalTaskDispatcher dispatcher;
    private FirestoreVideoStore videos;
    private FirestoreUploadLedger ledger;
    private FileSystemBlobStore blobs;
    private UploadService uploads;
    private Consumer<CloudEvent> trigger;
    private final AuthenticatedUser user = new AuthenticatedUser("u" + UUID.randomUUID().toString().substring(0, 8),
            "ada@example.com", "Ada");

    @BeforeEach
    void start() throws Exception {
        firestore = FirestoreTestEmulator.shared();
        target = new TaskTarget();
        dispatcher = new LocalTaskDispatcher(DispatcherSettings.defaults()
                .withRetry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), 2)),
                target::uri, SharedSecretTaskCallerCheck.newSecret(), CLOCK);
        dispatcher.start();
        videos = new FirestoreVideoStore(firestore.admin());
        ledger = new FirestoreUploadLedger(firestore.admin(), new QuotaPolicy(PlanLimits.defaults()));
        blobs = new FileSystemBlobStore(dir, "coherence-uploads", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                () -> "http://127.0.0.1:9", CLOCK);
        UploadRules rules = UploadRules.defaults();
        uploads = new UploadService(rules, ledger, videos, blobs, dispatcher, CLOCK);
        trigger = new UploadTriggerFunctionConfiguration().uploadTrigger(rules, ledger, videos, blobs, dispatcher, CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        dispatcher.close();
        target.close();
        firestore.close();
    }

    /** PUTs {@code bytes} through the reservation's signed URL, as the client does. */
    private FinalizedUpload put(UploadReservation reservation, String contentType, byte[] bytes) throws Exception {
        return blobs.receiveUpload(signedQuery(reservation), contentType, bytes.length, new ByteArrayInputStream(bytes));
    }

    private static Map<String, String> signedQuery(UploadReservation reservation) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(reservation.uploadUrl()).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** The event Cloud Storage sends: size as a decimal string. */
    private static CloudEvent finalizedEvent(String bucket, String name, long size, String contentType) {
        String data = "{\"bucket\":\"" + bucket + "\",\"name\":\"" + name + "\",\"size\":\"" + size + "\","
                + "\"contentType\":\"" + contentType + "\",\"generation\":\"1\"}";
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType("google.cloud.storage.object.v1.finalized")
                .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/" + bucket))
                .withSubject("objects/" + name)
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static void awaitDeliveries(TaskTarget target, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (target.bodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void accept_shouldQueueTheVideoAndEnqueueOneTaskEvenWhenDeliveredTwice() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 2048L));
        FinalizedUpload stored = put(reservation, "video/mp4", new byte[2048]);
        CloudEvent event = finalizedEvent(stored.bucket(), stored.path(), stored.sizeBytes(), stored.contentType());

        trigger.accept(event);
        awaitDeliveries(target, 1);
        trigger.accept(event); // at-least-once delivery: the same event again
        trigger.accept(finalizedEvent(stored.bucket(), stored.path(), stored.sizeBytes(), stored.contentType()));
        Thread.sleep(300); // a second task, were there one, would be delivered well within this

        Video video = videos.find(reservation.videoId()).orElseThrow();
        assertThat(video.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(video.sizeBytes()).isEqualTo(2048L);
        assertThat(target.bodies).hasSize(1);
        assertThat(target.bodies.get(0)).contains(reservation.videoId());
    }

    @Test
    void accept_shouldFailAnUploadLargerThanReservedWithoutATask() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 1000L));
        String path = UploadRules.storagePath(user.uid(), reservation.videoId());
        blobs.put(path, "video/mp4", new byte[5000]); // as if the store had accepted more than reserved

        trigger.accept(finalizedEvent("coherence-uploads", path, 5000L, "video/mp4"));
        assertThat(blobs.size(path)).isEmpty(); // rejected bytes are not kept

        Video video = videos.find(reservation.videoId()).orElseThrow();
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.PAYLOAD_TOO_LARGE);
        Thread.sleep(200);
        assertThat(target.bodies).isEmpty();
        assertThat(dispatcher.state(reservation.videoId())).isEmpty();
    }

    @Test
    void accept_shouldFailAnUploadOfAnotherContentType() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 1000L));
        String path = UploadRules.storagePath(user.uid(), reservation.videoId());

        trigger.accept(finalizedEvent("coherence-uploads", path, 1000L, "image/png"));

        Video video = videos.find(reservation.videoId()).orElseThrow();
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.INVALID_MEDIA);
        assertThat(dispatcher.state(reservation.videoId())).isEmpty();
    }

    @Test
    void accept_shouldIgnoreAnotherUsersPathAndDeleteTheOrphan() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 4L));
        String foreignPath = UploadRules.storagePath("intruder", reservation.videoId());
        blobs.put(foreignPath, "video/mp4", new byte[] {1, 2, 3, 4});

        trigger.accept(finalizedEvent("coherence-uploads", foreignPath, 4L, "video/mp4"));

        assertThat(videos.find(reservation.videoId()).orElseThrow().status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        assertThat(blobs.size(foreignPath)).isEmpty();
        assertThat(dispatcher.state(reservation.videoId())).isEmpty();
    }

    @Test
    void accept_shouldRethrowWhenTheTaskCannotBeEnqueuedAndEnqueueOnRedelivery() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 64L));
        FinalizedUpload stored = put(reservation, "video/mp4", new byte[64]);
        CloudEvent event = finalizedEvent(stored.bucket(), stored.path(), stored.sizeBytes(), stored.contentType());
        LocalTaskDispatcher stopped = new LocalTaskDispatcher(DispatcherSettings.defaults(), target::uri, "s", CLOCK);
        stopped.close(); // a queue that refuses work: enqueueing fails like an unreachable Cloud Tasks
        Consumer<CloudEvent> failing = new UploadTriggerFunctionConfiguration().uploadTrigger(UploadRules.defaults(),
                ledger, videos, blobs, stopped, CLOCK);

        assertThatThrownBy(() -> failing.accept(event)).isInstanceOf(CoherenceException.class);
        assertThat(videos.find(reservation.videoId()).orElseThrow().status()).isEqualTo(VideoStatus.QUEUED);

        trigger.accept(event); // the event is delivered again, to an instance whose queue works
        awaitDeliveries(target, 1);
        assertThat(target.bodies).singleElement().asString().contains(reservation.videoId());
    }

    @Test
    void accept_shouldDeleteAnUploadThatArrivesAfterItsReservationExpired() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", 16L));
        assertThat(new app.coherence.core.quota.ReservationSweeper(videos, Clock.offset(CLOCK, Duration.ofHours(2))).sweep()).isEqualTo(1);
        FinalizedUpload late = blobs.receiveUpload(signedQuery(reservation), "video/mp4", 16, new ByteArrayInputStream(new byte[16]));

        trigger.accept(finalizedEvent(late.bucket(), late.path(), 16L, "video/mp4"));

        Video video = videos.find(reservation.videoId()).orElseThrow();
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.RESERVATION_EXPIRED);
        assertThat(blobs.size(late.path())).isEmpty();
        assertThat(dispatcher.state(reservation.videoId())).isEmpty();
    }

    @Test
    void accept_shouldIgnoreObjectsOutsideUploadsAndMalformedEvents() throws Exception {
        trigger.accept(finalizedEvent("coherence-uploads", "thumbnails/u1/v1.jpg", 10L, "image/jpeg"));
        trigger.accept(CloudEventBuilder.v1().withId("x").withType("google.cloud.storage.object.v1.finalized")
                .withSource(URI.create("//storage.googleapis.com")).withData("application/json",
                        "{\"name\":".getBytes(StandardCharsets.UTF_8)).build());
        Thread.sleep(200);
        assertThat(target.bodies).isEmpty();
    }
}
