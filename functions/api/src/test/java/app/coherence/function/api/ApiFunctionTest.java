package app.coherence.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.account.AccountDeletion;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.analysis.Severity;
import app.coherence.core.analysis.TranscriptSegment;
import app.coherence.core.history.DeletedVideoCleanup;
import app.coherence.core.history.HistoryService;
import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.json.Json;
import app.coherence.core.profile.AnalysisEventRecorder;
import app.coherence.core.profile.ProfileService;
import app.coherence.core.user.FirstUse;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import app.coherence.function.notifier.AnalysisEventsNotifier;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreAccountData;
import app.coherence.gcp.firestore.FirestoreAnalysisStore;
import app.coherence.gcp.firestore.FirestoreDeletedVideos;
import app.coherence.gcp.firestore.FirestoreNotifications;
import app.coherence.gcp.firestore.FirestoreProfileStore;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUserStore;
import app.coherence.gcp.firestore.FirestoreVideoListing;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The api function against the real Firestore and Auth emulators: every reply is also checked against
 * the OpenAPI document, and the test ends by checking every documented operation was exercised.
 */
class ApiFunctionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

    private static FirestoreTestEmulator firestore;
    private static AuthEmulator auth;
    private static FirestoreVideoStore videos;
    private static FirestoreAnalysisStore analyses;
    private static ApiFunction api;
    private static AnalysisEventsNotifier notifier;
    private static OpenApiValidator openApi;
    private static SharedSecretTaskCallerCheck scheduler;
    private static Path blobDir;
    private static FileSystemBlobStore blobs;

    @BeforeAll
    static void start() throws Exception {
        firestore = FirestoreTestEmulator.shared();
        auth = EmulatorFixture.auth();
        FirebaseIdentity identity = FirebaseIdentity.forEmulator(auth.hostPort(), auth.projectId());
        Clock clock = Clock.systemUTC();
        blobDir = Files.createTempDirectory("api-test-blobs");
        blobs = new FileSystemBlobStore(blobDir, "test", new byte[32], () -> "http://127.0.0.1:9", clock);
        videos = new FirestoreVideoStore(firestore.admin());
        analyses = new FirestoreAnalysisStore(firestore.admin(), clock);
        FirestoreProfileStore profiles = new FirestoreProfileStore(firestore.admin());
        HistoryService history = new HistoryService(videos, new FirestoreVideoListing(firestore.admin()), analyses, blobs,
                clock, Duration.ofHours(1));
        scheduler = new SharedSecretTaskCallerCheck(SharedSecretTaskCallerCheck.newSecret());
        api = new ApiFunction(history, new ProfileService(profiles),
                new Authenticator(identity, new FirstUse(new FirestoreUserStore(firestore.admin(), clock))::accept),
                OpenApiDocument.load(), null,
                new DeletedVideoCleanup(new FirestoreDeletedVideos(firestore.admin()), blobs, clock), scheduler,
                new AccountDeletion(new FirestoreAccountData(firestore.admin()), blobs, identity));
        notifier = new AnalysisEventsNotifier(new AnalysisEventRecorder(profiles, analyses,
                new FirestoreNotifications(firestore.admin()), clock));
        openApi = new OpenApiValidator(OpenApiDocument.load().bytes());
    }

    @AfterAll
    static void stop() throws Exception {
        firestore.close();
    }

    // ---- GET /v1/videos/{id}

    @Test
    void getVideo_shouldReturnTheCallersStatusDocument() throws Exception {
        AuthEmulator.SignedIn alice = signIn("alice");
        Video v = processing(alice.uid(), "Quarterly review", T0);
        videos.update(v.videoId(), x -> x.withProgress(new Progress("speech", 42, 17), T0.plusSeconds(5)));
        blobs.put("thumbnails/" + alice.uid() + "/" + v.videoId() + ".jpg", "image/jpeg", new byte[] {1});

        JsonNode body = json(send("GET", "/v1/videos/" + v.videoId(), alice, null, 200));

        assertThat(body.path("videoId").asText()).isEqualTo(v.videoId());
        assertThat(body.path("title").asText()).isEqualTo("Quarterly review");
        assertThat(body.path("status").asText()).isEqualTo("processing");
        assertThat(body.path("progress").path("stage").asText()).isEqualTo("speech");
        assertThat(body.path("progress").path("percent").asInt()).isEqualTo(42);
        assertThat(body.path("progress").path("etaSeconds").asInt()).isEqualTo(17);
        assertThat(body.path("createdAt").asText()).isEqualTo(T0.toString());
        assertThat(body.has("coherenceScore")).isFalse();

        Video done = completed(alice.uid(), "Done talk", T0, 81);
        body = json(send("GET", "/v1/videos/" + done.videoId(), alice, null, 200));
        assertThat(body.path("coherenceScore").asInt()).isEqualTo(81);
        assertThat(body.path("scoreTier").asText()).isEqualTo("STRONG");
        assertThat(body.path("scoreTierLabel").asText()).isEqualTo("Strong");
        assertThat(body.path("durationSeconds").asDouble()).isEqualTo(95.5);
        assertThat(body.path("thumbnailUrl").asText()).contains("/blobs/download?path=thumbnails%2F");

        Video failed = failed(alice.uid(), "Bad file", T0);
        body = json(send("GET", "/v1/videos/" + failed.videoId(), alice, null, 200));
        assertThat(body.path("error").path("code").asText()).isEqualTo("INVALID_MEDIA");
    }

    @Test
    void anotherUsersVideo_shouldBe404OnEveryRoute() {
        AuthEmulator.SignedIn owner = signIn("owner");
        AuthEmulator.SignedIn other = signIn("other");
        Video v = completed(owner.uid(), "Mine", T0, 60);
        String path = "/v1/videos/" + v.videoId();
        for (String[] call : new String[][] {{"GET", path}, {"GET", path + "/analysis"}, {"GET", path + "/playback"},
                {"DELETE", path}, {"PATCH", path}}) {
            HttpReply reply = send(call[0], call[1], other, call[0].equals("PATCH") ? "{\"title\":\"stolen\"}" : null, 404);
            assertThat(errorCode(reply)).isEqualTo("NOT_FOUND");
        }
        assertThat(json(send("GET", path, owner, null, 200)).path("title").asText()).isEqualTo("Mine");
        send("GET", "/v1/videos/no-such-video", owner, null, 404);
        send("GET", "/v1/videos/bad.id!", owner, null, 404);
    }

    @Test
    void missingOrForgedToken_shouldBe401() {
        assertThat(errorCode(send("GET", "/v1/videos", null, null, 401))).isEqualTo("UNAUTHENTICATED");
        HttpReply forged = check("GET", "/v1/me", api.apply(new HttpCall("GET", "/v1/me", Map.of(),
                Map.of("authorization", List.of("Bearer not.a.token")), null)), 401);
        assertThat(errorCode(forged)).isEqualTo("UNAUTHENTICATED");
    }

    // ---- GET /v1/videos

    @Test
    void list_shouldPageThrough45VideosInEveryOrderWithoutDuplicatesOrGaps() {
        AuthEmulator.SignedIn carol = signIn("carol");
        List<Video> all = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // ties on purpose: createdAt repeats every 3, scores every 7 (some unscored), titles every 5
            Instant created = T0.plusSeconds(i / 3 * 60);
            Video v = i % 9 == 0 ? processing(carol.uid(), "Talk " + i % 5, created)
                    : completed(carol.uid(), "Talk " + i % 5, created, 40 + i % 7);
            all.add(v);
        }
        Video gone = completed(carol.uid(), "Talk 1", T0, 99);
        send("DELETE", "/v1/videos/" + gone.videoId(), carol, null, 204);
        completed(signIn("dan").uid(), "Talk 1", T0, 50);

        for (String sort : List.of("createdAt", "coherenceScore", "title")) {
            for (String order : List.of("asc", "desc")) {
                List<String> ids = new ArrayList<>();
                Set<String> cursors = new HashSet<>();
                String cursor = null;
                int pages = 0;
                do {
                    Map<String, String> q = new LinkedHashMap<>(Map.of("limit", "10", "sort", sort, "order", order));
                    if (cursor != null) {
                        q.put("cursor", cursor);
                    }
                    JsonNode page = json(get("/v1/videos", q, carol, 200));
                    page.path("items").forEach(item -> ids.add(item.path("videoId").asText()));
                    cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
                    assertThat(cursor == null || cursors.add(cursor)).isTrue();
                    pages++;
                } while (cursor != null);
                assertThat(pages).isEqualTo(5);
                assertThat(ids).as(sort + " " + order).containsExactlyElementsOf(expected(all, sort, order));
            }
        }
        JsonNode processing = json(get("/v1/videos", Map.of("status", "processing", "limit", "100"), carol, 200));
        assertThat(processing.path("items")).hasSize(5);
        assertThat(processing.has("nextCursor")).isFalse();
        JsonNode defaults = json(get("/v1/videos", Map.of(), carol, 200));
        assertThat(defaults.path("items")).hasSize(20);
        assertThat(defaults.path("items").get(0).path("createdAt").asText()).isEqualTo(T0.plusSeconds(14 * 60).toString());
    }

    @Test
    void list_shouldAnswer400ForInvalidParametersAndCursors() {
        AuthEmulator.SignedIn erin = signIn("erin");
        for (int i = 0; i < 3; i++) {
            completed(erin.uid(), "T" + i, T0.plusSeconds(i), 50 + i);
        }
        String titleCursor = json(get("/v1/videos", Map.of("limit", "1", "sort", "title"), erin, 200)).path("nextCursor").asText();
        List<Map<String, String>> bad = List.of(
                Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"), Map.of("limit", ""),
                Map.of("sort", "size"), Map.of("order", "up"), Map.of("status", "done"), Map.of("page", "2"),
                Map.of("cursor", "!!!"), Map.of("cursor", "eyJmb28iOjF9"), Map.of("cursor", ""),
                Map.of("cursor", titleCursor), Map.of("cursor", titleCursor, "sort", "title", "order", "asc"),
                Map.of("cursor", titleCursor.substring(0, titleCursor.length() - 3), "sort", "title"));
        for (Map<String, String> q : bad) {
            HttpReply reply = get("/v1/videos", q, erin, 400);
            assertThat(errorCode(reply)).as(q.toString()).isEqualTo("INVALID_ARGUMENT");
            assertThat(json(reply).path("error").path("message").asText()).isNotBlank();
        }
        HttpReply repeated = check("GET", "/v1/videos", api.apply(new HttpCall("GET", "/v1/videos",
                Map.of("limit", List.of("1", "2")), bearer(erin), null)), 400);
        assertThat(json(repeated).path("error").path("message").asText()).contains("more than once");
        assertThat(json(get("/v1/videos", Map.of("cursor", titleCursor, "sort", "title"), erin, 200)).path("items")).hasSize(2);
    }

    // ---- DELETE, PATCH

    @Test
    void delete_shouldSoftDeleteOnceAndHideTheVideo() {
        AuthEmulator.SignedIn fay = signIn("fay");
        Video v = completed(fay.uid(), "To delete", T0, 70);
        Video running = processing(fay.uid(), "Running", T0.plusSeconds(1));
        send("DELETE", "/v1/videos/" + v.videoId(), fay, null, 204);
        send("DELETE", "/v1/videos/" + v.videoId(), fay, null, 204);
        send("GET", "/v1/videos/" + v.videoId(), fay, null, 404);
        send("GET", "/v1/videos/" + v.videoId() + "/analysis", fay, null, 404);
        send("PATCH", "/v1/videos/" + v.videoId(), fay, "{\"title\":\"back\"}", 404);
        Video stored = videos.find(v.videoId()).orElseThrow();
        assertThat(stored.deletedAt()).isNotNull();
        Instant firstDeletion = stored.deletedAt();
        send("DELETE", "/v1/videos/" + v.videoId(), fay, null, 204);
        assertThat(videos.find(v.videoId()).orElseThrow().deletedAt()).isEqualTo(firstDeletion);

        // A video being analysed: its attempt loses the lease, so the job's next progress write stops it.
        send("DELETE", "/v1/videos/" + running.videoId(), fay, null, 204);
        Video cancelled = videos.find(running.videoId()).orElseThrow();
        assertThat(cancelled.isDeleted()).isTrue();
        assertThat(cancelled.attemptId()).isNull();

        JsonNode list = json(get("/v1/videos", Map.of(), fay, 200));
        assertThat(list.path("items")).isEmpty();
    }

    @Test
    void patch_shouldRenameAndValidateTheTitle() {
        AuthEmulator.SignedIn gil = signIn("gil");
        Video v = completed(gil.uid(), "Old", T0, 70);
        String path = "/v1/videos/" + v.videoId();
        JsonNode renamed = json(send("PATCH", path, gil, "{\"title\":\"  New name  \"}", 200));
        assertThat(renamed.path("title").asText()).isEqualTo("New name");
        assertThat(json(send("GET", path, gil, null, 200)).path("title").asText()).isEqualTo("New name");
        for (String body : List.of("{\"title\":\"   \"}", "{\"title\":\"" + "x".repeat(201) + "\"}", "{\"title\":42}",
                "{\"title\":null}", "{}", "{\"title\":\"ok\",\"status\":\"completed\"}", "{\"title\":\"a\\u0007b\"}")) {
            assertThat(errorCode(send("PATCH", path, gil, body, 400))).as(body).isEqualTo("INVALID_ARGUMENT");
        }
        for (String body : List.of("not json", "[1]", "")) {
            assertThat(errorCode(send("PATCH", path, gil, body, 400))).as(body).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(json(send("GET", path, gil, null, 200)).path("title").asText()).isEqualTo("New name");
    }

    // ---- analysis, playback

    @Test
    void analysis_shouldBe409UntilCompleted() {
        AuthEmulator.SignedIn hal = signIn("hal");
        Video v = processing(hal.uid(), "Pending", T0);
        HttpReply reply = send("GET", "/v1/videos/" + v.videoId() + "/analysis", hal, null, 409);
        assertThat(errorCode(reply)).isEqualTo("ANALYSIS_NOT_READY");
        assertThat(json(reply).path("error").path("status").asText()).isEqualTo("processing");
        send("GET", "/v1/videos/" + failed(hal.uid(), "F", T0).videoId() + "/analysis", hal, null, 409);

        AnalysisResult result = result(v.videoId(), 64, List.of("um", "uh"), List.of(FlagType.PACING_MISMATCH));
        analyses.save(hal.uid(), result);
        videos.update(v.videoId(), x -> x.withCompletion(64, ScoreTier.GOOD_START, 95.5, null, T0.plusSeconds(60)));
        JsonNode body = json(send("GET", "/v1/videos/" + v.videoId() + "/analysis", hal, null, 200));
        assertThat(body.path("coherenceScore").asInt()).isEqualTo(64);
        assertThat(body.path("dissonanceFlags").get(0).path("type").asText()).isEqualTo("PACING_MISMATCH");
        assertThat(body.path("metrics").path("speakingPaceTarget").asText()).isEqualTo("140-160");
    }

    @Test
    void playback_shouldSignAnExpiringUrlOnceUploaded() {
        AuthEmulator.SignedIn ivy = signIn("ivy");
        Video waiting = Video.reserved(newId(), ivy.uid(), "Waiting", "uploads/" + ivy.uid() + "/x", "video/mp4", 10, T0,
                T0.plusSeconds(3600));
        videos.create(waiting);
        assertThat(errorCode(send("GET", "/v1/videos/" + waiting.videoId() + "/playback", ivy, null, 409))).isEqualTo("CONFLICT");
        Video v = completed(ivy.uid(), "Watch", T0, 88);
        JsonNode body = json(send("GET", "/v1/videos/" + v.videoId() + "/playback", ivy, null, 200));
        assertThat(body.path("url").asText()).contains("/blobs/download?path=uploads%2F" + ivy.uid()).contains("sig=");
        Instant expires = Instant.parse(body.path("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
    }

    // ---- /v1/me and stats from the notifier

    @Test
    void me_shouldShowStatsAfterThreeAnalysesCountedOnce() throws Exception {
        AuthEmulator.SignedIn jo = signIn("jo");
        JsonNode fresh = json(send("GET", "/v1/me", jo, null, 200));
        assertThat(fresh.path("plan").asText()).isEqualTo("free");
        assertThat(fresh.path("email").asText()).isEqualTo(jo.email());
        assertThat(fresh.path("stats").path("analyses").asInt()).isZero();

        int[] scores = {55, 80, 71};
        List<List<String>> fillers = List.of(List.of("um", "um", "uh"), List.of("like"), List.of("um", "so", "uh"));
        List<List<FlagType>> flags = List.of(List.of(FlagType.GAZE_AVERSION, FlagType.FILLER_CLUSTER),
                List.of(FlagType.GAZE_AVERSION), List.of(FlagType.MISSING_GESTURE, FlagType.GAZE_AVERSION));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Video v = completed(jo.uid(), "Talk " + i, T0.plusSeconds(i), scores[i]);
            analyses.save(jo.uid(), result(v.videoId(), scores[i], fillers.get(i), flags.get(i)));
            ids.add(v.videoId());
            notifier.accept(pubsubEvent(new AnalysisEvent(AnalysisEvent.Type.COMPLETED, v.videoId(), jo.uid(), scores[i],
                    ScoreTier.GOOD_START, null, null, T0.plusSeconds(100 + i))));
        }
        // Pub/Sub redelivers: the same video is never counted twice.
        notifier.accept(pubsubEvent(new AnalysisEvent(AnalysisEvent.Type.COMPLETED, ids.get(1), jo.uid(), 80, ScoreTier.STRONG, null,
                null, T0.plusSeconds(500))));
        Video bad = failed(jo.uid(), "Broken", T0);
        notifier.accept(pubsubEvent(new AnalysisEvent(AnalysisEvent.Type.FAILED, bad.videoId(), jo.uid(), null, null,
                app.coherence.core.error.ErrorCode.INVALID_MEDIA, "not a video", T0.plusSeconds(600))));
        notifier.accept(io.cloudevents.core.builder.CloudEventBuilder.v1().withId("x").withSource(URI.create("//test"))
                .withType("google.cloud.pubsub.topic.v1.messagePublished")
                .withData("application/json", "{\"message\":{\"data\":\"!!\"}}".getBytes(StandardCharsets.UTF_8)).build());

        JsonNode stats = json(send("GET", "/v1/me", jo, null, 200)).path("stats");
        assertThat(stats.path("analyses").asInt()).isEqualTo(3);
        assertThat(stats.path("averageScore").asDouble()).isEqualTo(68.7);
        assertThat(stats.path("bestScore").asInt()).isEqualTo(80);
        assertThat(stats.path("lastScore").asInt()).isEqualTo(71);
        assertThat(stats.path("lastAnalysedAt").asText()).isEqualTo(T0.plusSeconds(102).toString());
        assertThat(Json.mapper().convertValue(stats.path("trend"), int[].class)).containsExactly(55, 80, 71);
        assertThat(stats.path("topFillerWords").get(0).path("word").asText()).isEqualTo("um");
        assertThat(stats.path("topFillerWords").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(stats.path("topFillerWords").get(1).path("word").asText()).isEqualTo("uh");
        assertThat(stats.path("topFlagTypes").get(0).path("type").asText()).isEqualTo("GAZE_AVERSION");
        assertThat(stats.path("topFlagTypes").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(firestore.admin().collection("notifications").document(bad.videoId() + "-failed").get().get()
                .getString("errorCode")).isEqualTo("INVALID_MEDIA");
    }

    @Test
    void patchMe_shouldChangeTheDisplayNameAndValidateIt() {
        AuthEmulator.SignedIn kim = signIn("kim");
        JsonNode me = json(send("PATCH", "/v1/me", kim, "{\"displayName\":\" Kim K \"}", 200));
        assertThat(me.path("displayName").asText()).isEqualTo("Kim K");
        assertThat(me.path("plan").asText()).isEqualTo("free");
        assertThat(json(send("GET", "/v1/me", kim, null, 200)).path("displayName").asText()).isEqualTo("Kim K");
        for (String body : List.of("{\"displayName\":\"\"}", "{\"displayName\":\"" + "n".repeat(81) + "\"}",
                "{\"displayName\":true}", "{\"plan\":\"pro\"}", "{\"displayName\":\"a\",\"plan\":\"pro\"}")) {
            assertThat(errorCode(send("PATCH", "/v1/me", kim, body, 400))).as(body).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(json(send("GET", "/v1/me", kim, null, 200)).path("plan").asText()).isEqualTo("free");
    }

    @Test
    void deleteMe_shouldEraseEveryFileAndDocumentOfTheCallerAndTheSignInButNobodyElses() throws Exception {
        AuthEmulator.SignedIn mia = signIn("mia");
        AuthEmulator.SignedIn ned = signIn("ned");
        send("PATCH", "/v1/me", mia, "{\"displayName\":\"Mia\"}", 200);
        Video kept = completed(mia.uid(), "Kept", T0, 70);
        Video binned = completed(mia.uid(), "Binned", T0, 40);
        Video nedsVideo = completed(ned.uid(), "Ned's", T0, 60);
        for (Video v : List.of(kept, binned, nedsVideo)) {
            blobs.put(v.storagePath(), "video/mp4", new byte[] {1, 2});
            blobs.put(v.thumbnailPath(), "image/jpeg", new byte[] {3});
        }
        analyses.save(mia.uid(), result(kept.videoId(), 70, List.of("um"), List.of()));
        analyses.save(ned.uid(), result(nedsVideo.videoId(), 60, List.of(), List.of()));
        send("DELETE", "/v1/videos/" + binned.videoId(), mia, null, 204); // soft-deleted: its files must go too
        var db = firestore.admin();
        db.collection("usage").document(mia.uid() + "_2026-03").set(Map.of("userId", mia.uid(), "analyses", 2)).get();
        db.collection("usage").document(ned.uid() + "_2026-03").set(Map.of("userId", ned.uid(), "analyses", 1)).get();
        db.collection("notifications").document(binned.videoId() + "-failed").set(Map.of("userId", mia.uid())).get();
        send("DELETE", "/v1/me", null, null, 401);

        JsonNode deleted = json(send("DELETE", "/v1/me", mia, null, 200)).path("deleted");

        assertThat(deleted.path("files").asInt()).isEqualTo(4);
        // 2 videos, 1 analysis, 1 usage, 1 notification, the user document
        assertThat(deleted.path("documents").asInt()).isEqualTo(6);
        for (Video v : List.of(kept, binned)) {
            assertThat(blobs.size(v.storagePath())).as(v.title()).isEmpty();
            assertThat(blobs.size(v.thumbnailPath())).as(v.title()).isEmpty();
            assertThat(videos.find(v.videoId())).as(v.title()).isEmpty();
        }
        assertThat(analyses.find(kept.videoId())).isEmpty();
        assertThat(db.collection("usage").whereEqualTo("userId", mia.uid()).get().get().isEmpty()).isTrue();
        assertThat(db.collection("notifications").whereEqualTo("userId", mia.uid()).get().get().isEmpty()).isTrue();
        assertThat(db.collection("users").document(mia.uid()).get().get().exists()).isFalse();
        assertThat(auth.signIn(mia.email(), "pass-word-1").uid()).as("the old sign-in is gone; this made a new one")
                .isNotEqualTo(mia.uid());
        assertThat(blobs.size(nedsVideo.storagePath())).isPresent();
        assertThat(videos.find(nedsVideo.videoId())).isPresent();
        assertThat(analyses.find(nedsVideo.videoId())).isPresent();
        assertThat(db.collection("usage").document(ned.uid() + "_2026-03").get().get().exists()).isTrue();
        assertThat(json(send("GET", "/v1/me", ned, null, 200)).path("uid").asText()).isEqualTo(ned.uid());
    }

    // ---- cleanup, document

    @Test
    void cleanup_shouldNeedTheSchedulerAndPurgeDeletedVideos() throws Exception {
        AuthEmulator.SignedIn lee = signIn("lee");
        Video v = completed(lee.uid(), "Old", T0, 50);
        blobs.put(v.storagePath(), "video/mp4", new byte[] {1, 2});
        send("DELETE", "/v1/videos/" + v.videoId(), lee, null, 204);
        send("POST", "/tasks/cleanup-deleted", lee, "{\"graceDays\":0}", 401);
        HttpCall bad = new HttpCall("POST", "/tasks/cleanup-deleted", Map.of(),
                Map.of(SharedSecretTaskCallerCheck.HEADER.toLowerCase(), List.of(scheduler.secret())),
                "{\"graceDays\":-1}".getBytes(StandardCharsets.UTF_8));
        check("POST", "/tasks/cleanup-deleted", api.apply(bad), 400);
        HttpCall call = new HttpCall("POST", "/tasks/cleanup-deleted", Map.of(),
                Map.of(SharedSecretTaskCallerCheck.HEADER.toLowerCase(), List.of(scheduler.secret())),
                "{\"graceDays\":0}".getBytes(StandardCharsets.UTF_8));
        JsonNode body = json(check("POST", "/tasks/cleanup-deleted", api.apply(call), 200));
        assertThat(body.path("purged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(blobs.size(v.storagePath())).isEmpty();
        assertThat(videos.find(v.videoId())).isEmpty();
    }

    @Test
    void openApi_shouldDescribeEveryRouteAndBeServedWithoutAToken() {
        JsonNode doc = json(send("GET", "/v1/openapi.json", null, null, 200));
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        assertThat(openApi.operations()).containsExactlyInAnyOrder(
                "GET /v1/videos", "GET /v1/videos/{videoId}", "PATCH /v1/videos/{videoId}", "DELETE /v1/videos/{videoId}",
                "GET /v1/videos/{videoId}/analysis", "GET /v1/videos/{videoId}/playback", "GET /v1/me", "PATCH /v1/me",
                "DELETE /v1/me", "GET /v1/openapi.json", "POST /tasks/cleanup-deleted");
        assertThat(openApi.check("GET", "/v1/videos/abc", 200, "{\"videoId\":\"abc\"}".getBytes(StandardCharsets.UTF_8)))
                .as("the validator itself notices a missing required field").isNotEmpty();
        assertThat(openApi.check("GET", "/v1/me", 200, "{\"uid\":\"u\",\"plan\":\"gold\",\"stats\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    // ---- helpers

    private static HttpReply send(String method, String path, AuthEmulator.SignedIn user, String body, int expected) {
        HttpCall call = new HttpCall(method, path, Map.of(), user == null ? Map.of() : bearer(user),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        return check(method, path, api.apply(call), expected);
    }

    private static HttpReply get(String path, Map<String, String> query, AuthEmulator.SignedIn user, int expected) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, List.of(v)));
        return check("GET", path, api.apply(new HttpCall("GET", path, q, bearer(user), null)), expected);
    }

    /** Asserts the status and that the reply conforms to the OpenAPI document. */
    private static HttpReply check(String method, String path, HttpReply reply, int expected) {
        assertThat(reply.status()).as(method + " " + path + " → " + reply.bodyText()).isEqualTo(expected);
        assertThat(openApi.check(method, path, reply.status(), reply.body())).as(method + " " + path + " vs OpenAPI").isEmpty();
        EXERCISED.add(method + " " + path);
        return reply;
    }

    private static Map<String, List<String>> bearer(AuthEmulator.SignedIn user) {
        return Map.of("authorization", List.of("Bearer " + user.idToken()));
    }

    private static JsonNode json(HttpReply reply) {
        return Json.tree(reply.body());
    }

    private static String errorCode(HttpReply reply) {
        return json(reply).path("error").path("code").asText();
    }

    private static AuthEmulator.SignedIn signIn(String name) {
        return auth.signIn(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "pass-word-1");
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static Video queued(String uid, String title, Instant created) {
        String id = newId();
        return Video.reserved(id, uid, title, "uploads/" + uid + "/" + id, "video/mp4", 1000, created, created.plusSeconds(3600))
                .withStatus(VideoStatus.QUEUED, created);
    }

    static Video processing(String uid, String title, Instant created) {
        Video v = queued(uid, title, created).withStatus(VideoStatus.PROCESSING, created)
                .withAttempt("attempt-1", created.plusSeconds(90), created).withProgress(Progress.of("download", 0), created);
        videos.create(v);
        return v;
    }

    static Video completed(String uid, String title, Instant created, int score) {
        ScoreTier tier = ScoreTier.of(score);
        Video q = queued(uid, title, created);
        Video v = q.withStatus(VideoStatus.PROCESSING, created)
                .withCompletion(score, tier, 95.5, "thumbnails/" + uid + "/" + q.videoId() + ".jpg", created);
        videos.create(v);
        return v;
    }

    private static Video failed(String uid, String title, Instant created) {
        Video v = queued(uid, title, created).withStatus(VideoStatus.PROCESSING, created)
                .withFailure(new VideoError(app.coherence.core.error.ErrorCode.INVALID_MEDIA, "the file is not a video"), created);
        videos.create(v);
        return v;
    }

    static AnalysisResult result(String videoId, int score, List<String> fillers, List<FlagType> flags) {
        List<TranscriptSegment.Word> words = new ArrayList<>();
        double t = 0;
        for (String f : fillers) {
            words.add(new TranscriptSegment.Word("well", t, t + 0.3, false));
            words.add(new TranscriptSegment.Word(f, t + 0.3, t + 0.6, true));
            t += 1;
        }
        List<DissonanceFlag> flagList = new ArrayList<>();
        for (FlagType type : flags) {
            flagList.add(new DissonanceFlag("f" + flagList.size(), type, Severity.MEDIUM, 1.0, 3.0, "d", "c", "v", null, null));
        }
        Metrics metrics = new Metrics(80, fillers.size(), 1.5, 150, "140-160", new Metrics.Pauses(2, 1.2),
                new Metrics.VocalVariety(6, 3), new Metrics.Gestures(4), 1, new Metrics.Framing(95, 90));
        return new AnalysisResult(videoId, 95.5, score, ScoreTier.of(score), metrics,
                flagList, List.of(new app.coherence.core.analysis.Moment(app.coherence.core.analysis.MomentType.PAUSE, 10.0, 12.5, "between sentences")), List.of(), List.of("clear voice"), List.of("look up"),
                List.of(new TranscriptSegment("text", 0, t, 0.9, words)), "test-1");
    }

    static io.cloudevents.CloudEvent pubsubEvent(AnalysisEvent event) {
        String data = Base64.getEncoder().encodeToString(Json.bytes(event));
        byte[] envelope = Json.bytes(Map.of("message", Map.of("data", data, "messageId", UUID.randomUUID().toString()),
                "subscription", "projects/p/subscriptions/notifier"));
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/analysis-events"))
                .withType("google.cloud.pubsub.topic.v1.messagePublished")
                .withData("application/json", envelope).build();
    }

    static List<String> expected(List<Video> videos, String sort, String order) {
        Comparator<Video> byField = switch (sort) {
            case "createdAt" -> Comparator.comparing(Video::createdAt);
            case "coherenceScore" -> Comparator.comparing(Video::coherenceScore, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing(Video::title);
        };
        Comparator<Video> c = byField.thenComparing(Video::videoId);
        return videos.stream().sorted(order.equals("desc") ? c.reversed() : c).map(Video::videoId).toList();
    }
}
