package app.coherence.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.testvideo.Festival;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.local.e2e.RunningSystem.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop while a video is being analysed, then a start over the same data directory: the video's
 * state survives (Firestore export/import) and the interrupted job is dispatched again and completes.
 */
class RestartEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void stopWhileProcessing_thenStart_shouldFinishTheVideo() throws Exception {
        Festival.requireInstalled();
        GeneratedTalk talk = TestTalks.standard();
        byte[] video = Files.readAllBytes(talk.file());
        Path data = dir.resolve("data");
        // A short lease, so the second run may take over the first run's attempt soon after the restart.
        String[] fast = {"--coherence.job-lease=5s", "--coherence.task-min-backoff=500ms", "--coherence.task-max-backoff=3s",
                "--coherence.task-max-attempts=20"};
        String videoId;
        String token;

        try (RunningSystem first = RunningSystem.start(data, dir.resolve("first.log"), fast)) {
            AuthEmulator.SignedIn grace = first.signIn("grace@example.com");
            token = grace.idToken();
            Reply reserved = first.postJson("/v1/uploads", token,
                    Map.of("title", "Interrupted talk", "contentType", "video/mp4", "sizeBytes", video.length));
            assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
            videoId = reserved.json().path("videoId").asText();
            try (VideoWatcher watcher = new VideoWatcher(first.emulators().firestore().hostPort(), "demo-coherence", videoId)) {
                assertThat(first.put(reserved.json().path("uploadUrl").asText(), "video/mp4", video).status()).isEqualTo(200);
                watcher.awaitStatus("processing", Duration.ofSeconds(60));
            }
        }

        try (RunningSystem second = RunningSystem.start(data, dir.resolve("second.log"), fast);
             VideoWatcher watcher = new VideoWatcher(second.emulators().firestore().hostPort(), "demo-coherence", videoId)) {
            Map<String, Object> done = watcher.await(s -> "completed".equals(s.get("status")) || "failed".equals(s.get("status")),
                    Duration.ofMinutes(4));

            assertThat(done.get("status")).as("final document %s", done).isEqualTo("completed");
            assertThat(((Number) done.get("coherenceScore")).intValue()).isBetween(0, 100);
            assertThat(((Number) done.get("attempts")).intValue()).isGreaterThanOrEqualTo(2);
            assertThat(Files.readString(dir.resolve("second.log"))).contains("re-dispatched a video left processing");
            // The same user (the Auth emulator keeps its accounts across the restart) still reads it.
            AuthEmulator.SignedIn grace = second.signIn("grace@example.com");
            Reply status = second.get("/v1/videos/" + videoId, grace.idToken());
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(status.json().path("status").asText()).isEqualTo("completed");
        }
    }
}
