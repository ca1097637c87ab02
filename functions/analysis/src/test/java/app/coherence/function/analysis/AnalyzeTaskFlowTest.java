package app.coherence.function.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.ProgressListener;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.job.AnalysisEvents;
import app.coherence.core.job.AnalysisJob;
import app.coherence.core.job.JobSettings;
import app.coherence.core.json.Json;
import app.coherence.core.profile.AnalysisEventRecorder;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.Usage;
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
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.gcp.firestore.FirestoreAnalysisStore;
import app.coherence.gcp.firestore.FirestoreNotifications;
import app.coherence.gcp.firestore.FirestoreProfileStore;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import app.coherence.gcp.pubsub.AnalysisEventSubscription;
import app.coherence.gcp.pubsub.PubSubAnalysisEvents;
import app.coherence.gcp.pubsub.PubSubConnection;
import app.coherence.embedded.emulator.EmulatorFixture;
import com.google.cloud.firestore.ListenerRegistration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task target and the analysis job against the Firestore emulator and the file blob store, with a
 * scripted analyzer standing in for the media pipeline. Videos get there the real way: reserved,
 * PUT through the signed URL, accepted by the finalize handler.
 */
class AnalyzeTaskFlowTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int VIDEO_BYTES = 4096;

    @TempDir
    Path dir;

    private FirestoreTestEmulator firestore;
    private FirestoreVideoStore videos;
    private FirestoreAnalysisStore analyses;
    private FirestoreUploadLedger ledger;
    private FileSystemBlobStore blobs;
    private LocalTaskDispatcher queue;
    private UploadService uploads;
    private SharedSecretTaskCallerCheck callerCheck;
    private final List<AnalysisEvent> received = new CopyOnWriteArrayList<>();
    private PubSubConnection pubsub;
    private PubSubAnalysisEvents events;
    private AnalysisEventSubscription subscription;
    private final ScriptedAnalyzer analyzer = new ScriptedAnalyzer((id, progress) -> ScriptedAnalyzer.result(id, 80));
    private final AuthenticatedUser user = new AuthenticatedUser("u" + UUID.randomUUID().toString().substring(0, 8),
            "ada@example.com", "Ada");

    @BeforeEach
    void start() {
        pubsub = PubSubConnection.emulator(EmulatorFixture.pubsub().hostPort(), "demo-analysis-" + UUID.randomUUID());
        pubsub.ensureTopic(PubSubAnalysisEvents.TOPIC);
        pubsub.ensureSubscription("notifier", PubSubAnalysisEvents.TOPIC, 10);
        events = new PubSubAnalysisEvents(pubsub.publisher(PubSubAnalysisEvents.TOPIC));
        subscription = AnalysisEventSubscription.start(pubsub, "notifier",
                message -> received.add(Json.read(message.getData().toByteArray(), AnalysisEvent.class)));
        firestore = FirestoreTestEmulator.shared();
        videos = new FirestoreVideoStore(firestore.admin());
        analyses = new FirestoreAnalysisStore(firestore.admin(), CLOCK);
        ledger = new FirestoreUploadLedger(firestore.admin(), new QuotaPolicy(PlanLimits.defaults()));
        blobs = new FileSystemBlobStore(dir.resolve("blobs"), "coherence-uploads",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), () -> "http://127.0.0.1:9", CLOCK);
        callerCheck = new SharedSecretTaskCallerCheck(SharedSecretTaskCallerCheck.newSecret());
        // Not started: it only takes the tasks (named after videos); the tests deliver them by hand.
        queue = new LocalTaskDispatcher(DispatcherSettings.defaults(), () -> URI.create("http://127.0.0.1:9/tasks/analyze"),
                callerCheck.secret(), CLOCK);
        uploads = new UploadService(UploadRules.defaults(), ledger, videos, blobs, queue, CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        subscription.close();
        events.close();
        pubsub.close();
        queue.close();
        firestore.close();
    }

    private HttpFunction analyzeTask(JobSettings settings) {
        return analyzeTask(settings, events);
    }

    private HttpFunction analyzeTask(JobSettings settings, AnalysisEvents announcer) {
        return analyzeTask(job(settings, announcer));
    }

    private AnalysisJob job(JobSettings settings, AnalysisEvents announcer) {
        return new AnalysisFunctionConfiguration().analysisJob(videos, analyses, blobs, analyzer, announcer, settings, CLOCK);
    }

    private HttpFunction analyzeTask(AnalysisJob job) {
        return new AnalysisFunctionConfiguration().analyzeTask(callerCheck, job);
    }

    /** The events the analysis-events subscription received, once there are {@code count} (or after 30 s). */
    private List<AnalysisEvent> published(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(count == 0 ? 1000 : 300); // time for an unexpected extra event to show up
        return List.copyOf(received);
    }

    private JobSettings settings(Duration lease, Duration progressInterval, int maxAttempts) {
        return new JobSettings(lease, progressInterval, maxAttempts, dir.resolve("work"));
    }

    /** A video as the upload trigger leaves it: uploaded, queued, its task enqueued. */
    private String queuedVideo() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Pitch", "video/mp4", (long) VIDEO_BYTES));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(reservation.uploadUrl()).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        FinalizedUpload stored = blobs.receiveUpload(query, "video/mp4", VIDEO_BYTES, new ByteArrayInputStream(new byte[VIDEO_BYTES]));
        assertThat(uploads.acceptFinalized(stored)).isEqualTo(UploadService.FinalizeOutcome.QUEUED);
        return reservation.videoId();
    }

    private HttpReply deliver(HttpFunction target, String videoId) {
        return target.apply(new HttpCall("POST", "/tasks/analyze", Map.of(),
                Map.of("x-coherence-task-secret", List.of(callerCheck.secret()), "content-type", List.of("application/json")),
                Json.bytes(Map.of("videoId", videoId))));
    }

    private static String outcome(HttpReply reply) {
        var tree = Json.tree(reply.body());
        return tree.has("outcome") ? tree.path("outcome").asText() : tree.path("error").path("outcome").asText();
    }

    private Video video(String id) {
        return videos.find(id).orElseThrow();
    }

    private int monthlyAnalyses() {
        return ledger.find(user.uid(), YearMonth.from(CLOCK.instant().atZone(java.time.ZoneOffset.UTC))).analyses();
    }

    @Test
    void analyze_shouldCompleteOnceAndDoNothingOnASecondDelivery() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(JobSettings.defaults());

        HttpReply first = deliver(target, id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(outcome(first)).isEqualTo("COMPLETED");
        Video done = video(id);
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.coherenceScore()).isEqualTo(80);
        assertThat(done.scoreTier()).isEqualTo(ScoreTier.STRONG);
        assertThat(done.progress().percent()).isEqualTo(100);
        assertThat(done.thumbnailPath()).isEqualTo("thumbnails/" + user.uid() + "/" + id + ".jpg");
        assertThat(blobs.size(done.thumbnailPath())).contains(4L);
        assertThat(analyses.find(id)).get().extracting(r -> r.coherenceScore()).isEqualTo(80);
        assertThat(analyzer.lastFileSize).isEqualTo(VIDEO_BYTES);
        assertThat(published(1)).extracting(AnalysisEvent::type).containsExactly(AnalysisEvent.Type.COMPLETED);

        HttpReply second = deliver(target, id);
        assertThat(second.status()).isEqualTo(200);
        assertThat(outcome(second)).isEqualTo("NOTHING_TO_DO");
        assertThat(analyzer.runs).hasValue(1);
        // A redelivery announces the stored outcome again (consumers apply one per video): nothing is lost.
        assertThat(published(2)).extracting(AnalysisEvent::coherenceScore).containsExactly(80, 80);
    }

    @Test
    void analysisEvents_twiceAndOutOfOrder_shouldLeaveOneCompletedResultCountedOnce() throws Exception {
        String id = queuedVideo();
        AtomicReference<ProgressListener> finished = new AtomicReference<>();
        analyzer.script((videoId, progress) -> {
            progress.onProgress("speech", 40);
            finished.set(progress);
            return ScriptedAnalyzer.result(videoId, 80);
        });
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(90), Duration.ZERO, 5));

        assertThat(outcome(deliver(target, id))).isEqualTo("COMPLETED");
        // a progress report of the attempt arriving after its completion changes nothing
        Throwable late = catchThrowable(() -> finished.get().onProgress("vision", 60));
        assertThat(late).as("the finished attempt is told to stop").isNotNull();
        assertThat(video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(video(id).progress().percent()).isEqualTo(100);
        // the task delivered again: the outcome is announced again, nothing analysed or stored twice
        assertThat(outcome(deliver(target, id))).isEqualTo("NOTHING_TO_DO");
        List<AnalysisEvent> announced = published(2);
        assertThat(announced).extracting(AnalysisEvent::type).containsExactly(AnalysisEvent.Type.COMPLETED, AnalysisEvent.Type.COMPLETED);

        // the notifier's recorder gets them twice each, reversed, around an event type it does not know
        // (a progress event of a newer publisher, read from the wire)
        AnalysisEvent progressEvent = Json.read(Json.bytes(Map.of("type", "progress", "videoId", id, "userId", user.uid(),
                "occurredAt", CLOCK.instant().toString())), AnalysisEvent.class);
        assertThat(progressEvent.type()).isEqualTo(AnalysisEvent.Type.UNKNOWN);
        FirestoreProfileStore profiles = new FirestoreProfileStore(firestore.admin());
        AnalysisEventRecorder recorder = new AnalysisEventRecorder(profiles, analyses, new FirestoreNotifications(firestore.admin()), CLOCK);
        for (AnalysisEvent event : List.of(announced.get(1), progressEvent, announced.get(0), announced.get(1), announced.get(0), progressEvent)) {
            recorder.record(event);
        }

        assertThat(profiles.find(user.uid())).get().satisfies(p -> {
            assertThat(p.stats().analyses()).as("counted once").isEqualTo(1);
            assertThat(p.stats().lastScore()).isEqualTo(80);
        });
        assertThat(firestore.admin().collection("notifications").whereEqualTo("videoId", id).get().get().size()).isZero();
        assertThat(video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(analyses.find(id)).get().extracting(r -> r.coherenceScore()).isEqualTo(80);
        assertThat(firestore.admin().collection("analyses").whereEqualTo("videoId", id).get().get().size()).as("one result").isEqualTo(1);
        assertThat(analyzer.runs).hasValue(1);
        assertThat(monthlyAnalyses()).as("the quota counts the video once").isEqualTo(1);
    }

    @Test
    void analyze_shouldAnswerBusyWhileALiveAttemptHoldsTheLease() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(60), Duration.ofMillis(500), 5));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        analyzer.script((videoId, progress) -> {
            running.countDown();
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            return ScriptedAnalyzer.result(videoId, 60);
        });
        CompletableFuture<HttpReply> first = CompletableFuture.supplyAsync(() -> deliver(target, id));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        HttpReply duplicate = deliver(target, id);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(outcome(duplicate)).isEqualTo("BUSY");
        assertThat(Json.tree(duplicate.body()).path("error").path("code").asText()).isEqualTo("ALREADY_PROCESSING");

        release.countDown();
        assertThat(outcome(first.get(30, TimeUnit.SECONDS))).isEqualTo("COMPLETED");
        assertThat(analyzer.runs).hasValue(1);
        assertThat(video(id).scoreTier()).isEqualTo(ScoreTier.GOOD_START);
    }

    @Test
    void analyze_shouldTakeOverAnExpiredLeaseAndStopTheStaleAttempt() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(settings(Duration.ofMillis(400), Duration.ofMillis(10), 5));
        CountDownLatch staleStarted = new CountDownLatch(1);
        CountDownLatch staleMayGoOn = new CountDownLatch(1);
        analyzer.script((videoId, progress) -> {
            staleStarted.countDown();
            assertThat(staleMayGoOn.await(20, TimeUnit.SECONDS)).isTrue();
            progress.onProgress("speech", 50); // the attempt was taken over: this stops it
            return ScriptedAnalyzer.result(videoId, 10);
        });
        CompletableFuture<HttpReply> stale = CompletableFuture.supplyAsync(() -> deliver(target, id));
        assertThat(staleStarted.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(600); // the stale attempt wrote nothing: its lease runs out

        analyzer.script((videoId, progress) -> ScriptedAnalyzer.result(videoId, 90));
        HttpReply takeover = deliver(target, id);
        assertThat(outcome(takeover)).isEqualTo("COMPLETED");
        staleMayGoOn.countDown();

        HttpReply staleReply = stale.get(30, TimeUnit.SECONDS);
        assertThat(staleReply.status()).isEqualTo(200);
        assertThat(outcome(staleReply)).isEqualTo("NOTHING_TO_DO");
        Video done = video(id);
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.coherenceScore()).isEqualTo(90);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(published(1)).extracting(AnalysisEvent::type).containsExactly(AnalysisEvent.Type.COMPLETED);
    }

    @Test
    void analyze_shouldWriteProgressAtMostOnceEvery500Milliseconds() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(60), Duration.ofMillis(500), 5));
        List<Integer> seenPercents = new CopyOnWriteArrayList<>();
        ListenerRegistration listener = firestore.admin().collection("videos").document(id)
                .addSnapshotListener((snapshot, error) -> {
                    if (snapshot != null && snapshot.exists() && snapshot.get("progress.percent") != null
                            && "processing".equals(snapshot.getString("status"))) {
                        int percent = snapshot.getLong("progress.percent").intValue();
                        if (seenPercents.isEmpty() || seenPercents.get(seenPercents.size() - 1) != percent) {
                            seenPercents.add(percent);
                        }
                    }
                });
        int[] reported = {0};
        analyzer.script((videoId, progress) -> {
            long end = System.nanoTime() + Duration.ofMillis(1600).toNanos();
            int percent = 1;
            while (System.nanoTime() < end) {
                progress.onProgress("speech", Math.min(99, percent++));
                reported[0]++;
                Thread.sleep(10);
            }
            return ScriptedAnalyzer.result(videoId, 70);
        });
        try {
            assertThat(outcome(deliver(target, id))).isEqualTo("COMPLETED");
            Thread.sleep(500); // let the listener catch up
        } finally {
            listener.remove();
        }
        // About 100 reports in 1.6 s: at most one write per 500 ms gives 4 progress writes, plus the claim's 0 %.
        assertThat(reported[0]).isGreaterThan(50);
        assertThat(seenPercents).hasSizeBetween(2, 5);
        assertThat(seenPercents).isSorted();
    }

    @Test
    void analyze_shouldFailRejectedMediaWithItsCodeAndGiveTheSlotBack() throws Exception {
        String id = queuedVideo();
        int usedBefore = monthlyAnalyses();
        analyzer.script((videoId, progress) -> {
            throw new MediaRejectedException(ErrorCode.NO_AUDIO_TRACK, "the video has no audio track");
        });

        HttpReply reply = deliver(analyzeTask(JobSettings.defaults()), id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(outcome(reply)).isEqualTo("REJECTED");
        Video failed = video(id);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.NO_AUDIO_TRACK);
        assertThat(failed.error().message()).isEqualTo("the video has no audio track");
        assertThat(published(1)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AnalysisEvent.Type.FAILED);
            assertThat(e.errorCode()).isEqualTo(app.coherence.core.error.ErrorCode.NO_AUDIO_TRACK);
        });
        assertThat(monthlyAnalyses()).as("only an analysis that completes counts").isEqualTo(usedBefore - 1);
        assertThat(analyses.find(id)).isEmpty();
    }

    @Test
    void analyze_shouldRetryTransientFailuresThenGiveUpAndReturnTheSlot() throws Exception {
        String id = queuedVideo();
        int usedBefore = monthlyAnalyses();
        assertThat(usedBefore).isEqualTo(1);
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(60), Duration.ofMillis(500), 3));
        analyzer.script((videoId, progress) -> {
            throw new IllegalStateException("model server unreachable");
        });

        HttpReply first = deliver(target, id);
        HttpReply second = deliver(target, id);
        assertThat(first.status()).isEqualTo(503);
        assertThat(outcome(first)).isEqualTo("RETRY");
        assertThat(second.status()).isEqualTo(503);
        assertThat(video(id).status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(video(id).leaseUntil()).isNull(); // freed so the retry can claim it at once
        assertThat(published(0)).isEmpty();

        HttpReply last = deliver(target, id);
        assertThat(last.status()).isEqualTo(200);
        assertThat(outcome(last)).isEqualTo("GAVE_UP");
        Video failed = video(id);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(app.coherence.core.error.ErrorCode.INTERNAL);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(monthlyAnalyses()).isEqualTo(usedBefore - 1);
        assertThat(published(1)).extracting(AnalysisEvent::type).containsExactly(AnalysisEvent.Type.FAILED);

        assertThat(outcome(deliver(target, id))).isEqualTo("NOTHING_TO_DO");
        assertThat(analyzer.runs).hasValue(3);
        assertThat(monthlyAnalyses()).isEqualTo(usedBefore - 1);
    }

    @Test
    void analyze_shouldStopWhenTheVideoIsDeletedMidAnalysis() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(60), Duration.ofMillis(10), 5));
        analyzer.script((videoId, progress) -> {
            progress.onProgress("decode", 10);
            videos.update(videoId, v -> v.withDeleted(CLOCK.instant())); // the owner deletes it now
            Thread.sleep(30);
            progress.onProgress("speech", 40);
            return ScriptedAnalyzer.result(videoId, 88);
        });

        HttpReply reply = deliver(target, id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(outcome(reply)).isEqualTo("NOTHING_TO_DO");
        Video deleted = video(id);
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(deleted.coherenceScore()).isNull();
        assertThat(analyses.find(id)).isEmpty();
        assertThat(published(0)).isEmpty();
        assertThat(outcome(deliver(target, id))).isEqualTo("NOTHING_TO_DO");
        assertThat(analyzer.runs).hasValue(1);
    }

    @Test
    void analyze_shutdownMidAnalysis_shouldFreeTheLeaseSoTheNextDeliveryResumes() throws Exception {
        String id = queuedVideo();
        JobSettings settings = settings(Duration.ofSeconds(60), Duration.ofMillis(10), 5);
        AnalysisJob stopping = job(settings, events);
        CountDownLatch started = new CountDownLatch(1);
        analyzer.script((videoId, progress) -> {
            progress.onProgress("decode", 10);
            started.countDown();
            for (int percent = 11; percent < 99; percent++) {
                Thread.sleep(20);
                progress.onProgress("decode", percent);
            }
            return ScriptedAnalyzer.result(videoId, 77);
        });
        CompletableFuture<HttpReply> first = CompletableFuture.supplyAsync(() -> deliver(analyzeTask(stopping), id));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        stopping.close(); // the service shuts down while the attempt runs

        HttpReply interrupted = first.get(30, TimeUnit.SECONDS);
        assertThat(interrupted.status()).isEqualTo(503);
        Video left = video(id);
        assertThat(left.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(left.leaseUntil()).isNull();
        assertThat(analyses.find(id)).isEmpty();

        analyzer.script((videoId, progress) -> ScriptedAnalyzer.result(videoId, 77));
        HttpReply resumed = deliver(analyzeTask(settings), id);
        assertThat(outcome(resumed)).isEqualTo("COMPLETED");
        assertThat(video(id).attempts()).isEqualTo(2);
        assertThat(video(id).coherenceScore()).isEqualTo(77);
    }

    @Test
    void analyze_shouldRecogniseACancellationThePipelineWrapped() throws Exception {
        String id = queuedVideo();
        HttpFunction target = analyzeTask(settings(Duration.ofSeconds(60), Duration.ofMillis(10), 5));
        analyzer.script((videoId, progress) -> {
            videos.update(videoId, v -> v.withDeleted(CLOCK.instant()));
            try {
                progress.onProgress("speech", 40);
            } catch (RuntimeException e) {
                throw new IllegalStateException("speech stage failed", e); // a pipeline that wraps what it catches
            }
            return ScriptedAnalyzer.result(videoId, 88);
        });

        HttpReply reply = deliver(target, id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(outcome(reply)).isEqualTo("NOTHING_TO_DO");
        assertThat(video(id).error()).isNull();
        assertThat(published(0)).isEmpty();
    }

    @Test
    void analyze_shouldRetryUntilTheOutcomeIsAnnounced() throws Exception {
        String id = queuedVideo();
        try (PubSubAnalysisEvents unreachable = new PubSubAnalysisEvents(pubsub.publisher("no-such-topic"))) {
            HttpReply first = deliver(analyzeTask(JobSettings.defaults(), unreachable), id);
            assertThat(first.status()).isEqualTo(503);
            assertThat(outcome(first)).isEqualTo("RETRY");
        }
        assertThat(video(id).status()).isEqualTo(VideoStatus.COMPLETED);

        HttpReply retry = deliver(analyzeTask(JobSettings.defaults()), id);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(outcome(retry)).isEqualTo("NOTHING_TO_DO");
        assertThat(analyzer.runs).hasValue(1);
        assertThat(published(1)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AnalysisEvent.Type.COMPLETED);
            assertThat(e.videoId()).isEqualTo(id);
            assertThat(e.coherenceScore()).isEqualTo(80);
        });
    }

    @Test
    void analyze_shouldAcknowledgeAnUnknownVideo() {
        HttpReply reply = deliver(analyzeTask(JobSettings.defaults()), "no-such-video");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(outcome(reply)).isEqualTo("UNKNOWN_VIDEO");
        assertThat(analyzer.runs).hasValue(0);
    }
}
