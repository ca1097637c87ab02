package app.coherence.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.testvideo.Festival;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TalkScript;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.json.Json;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.task.LocalTaskDispatcher;
import app.coherence.embedded.task.TaskState;
import app.coherence.local.events.StorageEventForwarder;
import app.coherence.local.e2e.RunningSystem.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's "done when", against the whole local system (real emulators, real HTTP, real analysis):
 * a generated talk goes awaiting_upload → queued → processing → completed with a score, watched by a
 * Firestore listener; and every bad input gets its clear answer and leaves no partial state.
 */
class UploadToScoreEndToEndTest {
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    private static RunningSystem system;
    private static Path logFile;
    private static GeneratedTalk talk;

    @BeforeAll
    static void start() {
        Festival.requireInstalled();
        talk = shortTalk();
        logFile = dir.resolve("local.log");
        system = RunningSystem.start(dir.resolve("data"), logFile,
                "--coherence.task-min-backoff=200ms", "--coherence.task-max-backoff=2s");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void generatedTalk_shouldGoFromUploadToScoreThroughTheRealtimeListener() throws Exception {
        AuthEmulator.SignedIn ada = system.signIn("ada@example.com");
        byte[] video = Files.readAllBytes(talk.file());

        Reply reserved = system.postJson("/v1/uploads", ada.idToken(),
                Map.of("title", "Quarterly review", "contentType", "video/mp4", "sizeBytes", video.length));
        assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
        String videoId = reserved.json().path("videoId").asText();
        String uploadUrl = reserved.json().path("uploadUrl").asText();
        assertThat(uploadUrl).startsWith(system.baseUrl() + "/blobs/upload?");
        assertThat(Instant.parse(reserved.json().path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(3000));

        try (VideoWatcher watcher = watch(videoId)) {
            watcher.awaitStatus("awaiting_upload", Duration.ofSeconds(10));
            Reply uploaded = system.put(uploadUrl, "video/mp4", video);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);

            Map<String, Object> done = watcher.await(s -> "completed".equals(s.get("status")) || "failed".equals(s.get("status")),
                    ANALYSIS_TIMEOUT);

            assertThat(done.get("status")).as("final document %s", done).isEqualTo("completed");
            assertThat(watcher.statuses()).containsExactly("awaiting_upload", "queued", "processing", "completed");
            assertThat(((Number) done.get("coherenceScore")).intValue()).isBetween(0, 100);
            assertThat(done.get("scoreTier")).isIn("STRONG", "GOOD_START", "NEEDS_WORK");
            assertThat(watcher.snapshots()).anySatisfy(s -> assertThat(s.get("progress")).isNotNull());
        }

        Reply status = system.get("/v1/videos/" + videoId, ada.idToken());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("completed");
        assertThat(status.json().path("coherenceScore").isInt()).isTrue();
        Reply analysis = system.get("/v1/videos/" + videoId + "/analysis", ada.idToken());
        assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
        assertThat(analysis.json().path("coherenceScore").asInt()).isEqualTo(status.json().path("coherenceScore").asInt());
        assertThat(analysis.json().path("transcript").isArray()).isTrue();
        Reply playback = system.get("/v1/videos/" + videoId + "/playback", ada.idToken());
        assertThat(playback.status()).as(playback.body()).isEqualTo(200);
        java.net.http.HttpResponse<byte[]> seek = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(playback.json().path("url").asText())).header("Range", "bytes=100-199").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(seek.statusCode()).as("a player seeking").isEqualTo(206);
        assertThat(seek.body()).isEqualTo(java.util.Arrays.copyOfRange(video, 100, 200));
        assertThat(seek.headers().firstValue("Content-Type")).contains("video/mp4");

        String logs = Files.readString(logFile);
        List<JsonNode> lines = logs.lines().filter(l -> !l.isBlank())
                .map(l -> Json.tree(l.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("severity").asText()).isIn("DEBUG", "INFO", "WARNING", "ERROR", "NOTICE", "CRITICAL");
            assertThat(line.has("message")).isTrue();
        });
        assertThat(lines).filteredOn(l -> videoId.equals(l.path("videoId").asText()))
                .isNotEmpty()
                .anySatisfy(l -> assertThat(l.path("userId").asText()).isEqualTo(ada.uid()));
    }

    @Test
    void tokens_missingForgedOrExpired_shouldBe401() throws Exception {
        AuthEmulator.SignedIn bob = system.signIn("bob@example.com");
        Map<String, Object> request = Map.of("title", "t", "contentType", "video/mp4", "sizeBytes", 1000);
        String garbage = "not-a-token";
        String forged = token(bob.uid(), "another-project", Instant.now().plusSeconds(3600));
        String expired = token(bob.uid(), "demo-coherence", Instant.now().minusSeconds(3600));

        for (String token : new String[] {null, garbage, forged, expired}) {
            Reply reply = system.postJson("/v1/uploads", token, request);
            assertThat(reply.status()).as("token %s: %s", token, reply.body()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
            Reply read = system.get("/v1/videos", token);
            assertThat(read.status()).isEqualTo(401);
        }
        assertThat(system.get("/v1/videos", bob.idToken()).json().path("items")).isEmpty();
    }

    @Test
    void anotherUsersVideo_shouldBe404() throws Exception {
        AuthEmulator.SignedIn owner = system.signIn("owner@example.com");
        AuthEmulator.SignedIn stranger = system.signIn("stranger@example.com");
        String videoId = reserve(owner, 1234).json().path("videoId").asText();

        Reply theirs = system.get("/v1/videos/" + videoId, stranger.idToken());
        Reply mine = system.get("/v1/videos/" + videoId, owner.idToken());

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("status").asText()).isEqualTo("awaiting_upload");
    }

    @Test
    void uploadUrl_expiredTamperedOrOversized_shouldBeRefusedAndStoreNothing() throws Exception {
        AuthEmulator.SignedIn eve = system.signIn("eve@example.com");
        Reply reserved = reserve(eve, 1000);
        String videoId = reserved.json().path("videoId").asText();
        String url = reserved.json().path("uploadUrl").asText();
        FileSystemBlobStore blobs = system.bean(FileSystemBlobStore.class);
        String path = "uploads/" + eve.uid() + "/" + videoId;
        String shortLived = blobs.signUpload(path, "video/mp4", 1000, Duration.ofSeconds(1)).url();

        Reply tampered = system.put(url.replace("len=1000", "len=2000"), "video/mp4", new byte[2000]);
        Reply otherVideo = system.put(url.replace(videoId, videoId.substring(1) + "x"), "video/mp4", new byte[1000]);
        Reply tooLarge = system.put(url, "video/mp4", new byte[1001]);
        Thread.sleep(2500);
        Reply expired = system.put(shortLived, "video/mp4", new byte[1000]);

        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.errorCode()).isEqualTo("UPLOAD_URL_INVALID");
        assertThat(otherVideo.status()).isEqualTo(403);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.errorCode()).isEqualTo("UPLOAD_URL_EXPIRED");
        assertThat(blobs.size(path)).isEmpty();
        Thread.sleep(500);
        assertThat(system.get("/v1/videos/" + videoId, eve.idToken()).json().path("status").asText()).isEqualTo("awaiting_upload");
    }

    @Test
    void nonVideoContent_shouldEndFailedWithInvalidMedia() throws Exception {
        AuthEmulator.SignedIn carol = system.signIn("carol@example.com");
        byte[] text = "this is a shopping list, not a talk\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Reply reserved = reserve(carol, text.length);
        String videoId = reserved.json().path("videoId").asText();

        try (VideoWatcher watcher = watch(videoId)) {
            assertThat(system.put(reserved.json().path("uploadUrl").asText(), "video/mp4", text).status()).isEqualTo(200);
            Map<String, Object> failed = watcher.awaitStatus("failed", ANALYSIS_TIMEOUT);

            assertThat(failed.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("code", "INVALID_MEDIA");
        }
        Reply status = system.get("/v1/videos/" + videoId, carol.idToken());
        assertThat(status.json().path("error").path("code").asText()).isEqualTo("INVALID_MEDIA");
        LocalTaskDispatcher dispatcher = system.bean(LocalTaskDispatcher.class);
        awaitTaskDone(dispatcher, videoId);
        Thread.sleep(500);
        assertThat(dispatcher.state(videoId)).as("answered 2xx").contains(TaskState.SUCCEEDED);
        assertThat(dispatcher.attempts(videoId)).as("rejected media is not retried").isEqualTo(1);
    }

    @Test
    void duplicateFinalizeEvent_shouldEnqueueOneTask() throws Exception {
        AuthEmulator.SignedIn dan = system.signIn("dan@example.com");
        byte[] video = Files.readAllBytes(talk.file());
        Reply reserved = reserve(dan, video.length);
        String videoId = reserved.json().path("videoId").asText();
        LocalTaskDispatcher dispatcher = system.bean(LocalTaskDispatcher.class);

        try (VideoWatcher watcher = watch(videoId)) {
            system.put(reserved.json().path("uploadUrl").asText(), "video/mp4", video);
            watcher.await(s -> !"awaiting_upload".equals(s.get("status")), Duration.ofSeconds(30));
            FinalizedUpload again = new FinalizedUpload("coherence-local", "uploads/" + dan.uid() + "/" + videoId,
                    video.length, "video/mp4");
            system.bean(StorageEventForwarder.class).deliverNow(again);
            system.bean(StorageEventForwarder.class).deliverNow(again);
            watcher.awaitStatus("completed", ANALYSIS_TIMEOUT);
            // A finalize after completion is a duplicate too.
            system.bean(StorageEventForwarder.class).deliverNow(again);

            // The document says completed a moment before the task's HTTP answer reaches the dispatcher.
            awaitTaskDone(dispatcher, videoId);
            assertThat(dispatcher.attempts(videoId)).isEqualTo(1);
            assertThat(dispatcher.state(videoId)).contains(TaskState.SUCCEEDED);
            assertThat(((Number) watcher.latest().get("attempts")).intValue()).isEqualTo(1);
            assertThat(watcher.statuses()).containsExactly("awaiting_upload", "queued", "processing", "completed");
        }
    }

    @Test
    void taskForUnknownVideo_shouldBeAnswered2xxAndNotRetried() throws Exception {
        LocalTaskDispatcher dispatcher = system.bean(LocalTaskDispatcher.class);

        assertThat(dispatcher.enqueueAnalysis("no-such-video")).isTrue();

        awaitTaskDone(dispatcher, "no-such-video");
        assertThat(dispatcher.state("no-such-video")).contains(TaskState.SUCCEEDED);
        Thread.sleep(1000);
        assertThat(dispatcher.attempts("no-such-video")).isEqualTo(1);

        Reply withoutSecret = system.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/tasks/analyze"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"videoId\":\"no-such-video\"}")));
        assertThat(withoutSecret.status()).isEqualTo(401);
    }

    @Test
    void healthz_shouldReportEveryPartReady() throws Exception {
        Reply health = system.get("/healthz", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode parts = health.json().path("parts");
        for (String part : List.of("emulator:firestore", "emulator:pubsub", "emulator:auth", "dispatcher",
                "function:uploads", "function:uploadTrigger", "function:analyzeTask", "function:api")) {
            assertThat(parts.path(part).asText()).as(part).isEqualTo("ready");
        }
        Reply webClient = system.get("/", null);
        assertThat(webClient.status()).isEqualTo(200);
        assertThat(webClient.body()).contains("<html");
        assertThat(system.get("/v2/nothing", null).status()).isEqualTo(404);
        JsonNode runtime = Json.tree(Files.readAllBytes(dir.resolve("data/runtime.json")));
        assertThat(runtime.path("baseUrl").asText()).isEqualTo(system.baseUrl());
        assertThat(runtime.path("authEmulatorHost").asText()).isEqualTo(system.emulators().auth().hostPort());
        Reply config = system.get("/config.json", null);
        assertThat(config.json().path("emulators").path("auth").asText())
                .isEqualTo(system.emulators().auth().hostPort());
    }

    private static void awaitTaskDone(LocalTaskDispatcher dispatcher, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dispatcher.state(name).map(TaskState::isActive).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static Reply reserve(AuthEmulator.SignedIn user, long size) throws Exception {
        Reply reply = system.postJson("/v1/uploads", user.idToken(),
                Map.of("title", "A talk", "contentType", "video/mp4", "sizeBytes", size));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    private static VideoWatcher watch(String videoId) {
        return new VideoWatcher(system.emulators().firestore().hostPort(), "demo-coherence", videoId);
    }

    /** About ten seconds of speech over a face and two slides. */
    private static GeneratedTalk shortTalk() {
        return new TalkScript(Festival.inTarget()).slide("Welcome").pause(0.5)
                .say("Good morning everyone, and thank you for joining this review.").pause(0.6)
                .slide("Results")
                .say("As you can see, revenue grew by forty percent compared to last year.").pause(0.8)
                .render(TestTalks.directory().resolve("e2e-short.mp4"));
    }

    /**
     * An emulator-style (unsigned, as the Auth emulator issues them) ID token for {@code uid} in
     * {@code project}, expiring at {@code expires}: well-formed, so only its audience or expiry is wrong.
     */
    private static String token(String uid, String project, Instant expires) {
        long exp = expires.getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"https://securetoken.google.com/" + project + "\",\"aud\":\"" + project + "\","
                + "\"auth_time\":" + (exp - 7200) + ",\"user_id\":\"" + uid + "\",\"sub\":\"" + uid + "\","
                + "\"iat\":" + (exp - 3600) + ",\"exp\":" + exp + ",\"email\":\"bob@example.com\","
                + "\"firebase\":{\"identities\":{},\"sign_in_provider\":\"password\"}}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
