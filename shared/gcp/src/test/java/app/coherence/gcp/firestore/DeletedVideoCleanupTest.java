package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.history.DeletedVideoCleanup;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.blob.FileSystemBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled cleanup removes files and documents of videos deleted before the grace period only. */
class DeletedVideoCleanupTest {
    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    private static FirestoreTestEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = FirestoreTestEmulator.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Test
    void run_shouldPurgeOnlyVideosDeletedBeforeTheGracePeriod(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir, "test", new byte[32], () -> "http://127.0.0.1:1", clock);
        FirestoreVideoStore videos = new FirestoreVideoStore(emulator.admin());
        FirestoreAnalysisStore analyses = new FirestoreAnalysisStore(emulator.admin(), clock);
        Video old = stored(videos, blobs, "old", NOW.minus(Duration.ofDays(8)));
        Video recent = stored(videos, blobs, "recent", NOW.minus(Duration.ofDays(2)));
        Video kept = stored(videos, blobs, "kept", null);
        analyses.save("u", new AnalysisResult("old", 10, 50, ScoreTier.NEEDS_WORK, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "t"));

        DeletedVideoCleanup cleanup = new DeletedVideoCleanup(new FirestoreDeletedVideos(emulator.admin()), blobs, clock);
        assertThat(cleanup.run(Duration.ofDays(7))).isEqualTo(1);

        assertThat(blobs.size(old.storagePath())).isEmpty();
        assertThat(blobs.size(old.thumbnailPath())).isEmpty();
        assertThat(videos.find("old")).isEmpty();
        assertThat(analyses.find("old")).isEmpty();
        assertThat(blobs.size(recent.storagePath())).isPresent();
        assertThat(videos.find("recent")).isPresent();
        assertThat(blobs.size(kept.storagePath())).isPresent();
        assertThat(cleanup.run(Duration.ofDays(7))).isZero();
        assertThat(cleanup.run(Duration.ZERO)).isEqualTo(1);
        assertThat(videos.find("recent")).isEmpty();
        assertThat(videos.find("kept")).isPresent();
        assertThat(Files.exists(dir)).isTrue();
    }

    private static Video stored(FirestoreVideoStore videos, FileSystemBlobStore blobs, String id, Instant deletedAt) throws Exception {
        Video v = Video.reserved(id, "u", id, "uploads/u/" + id, "video/mp4", 3, NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(29))).withStatus(VideoStatus.QUEUED, NOW.minus(Duration.ofDays(30)));
        v = new Video(id, "u", id, v.storagePath(), "video/mp4", 3, 10.0, VideoStatus.COMPLETED, null, 1, null, 50,
                ScoreTier.NEEDS_WORK, "thumbnails/u/" + id + ".jpg", null, null, null, v.createdAt(), v.updatedAt(), deletedAt);
        videos.create(v);
        blobs.put(v.storagePath(), "video/mp4", new byte[] {1, 2, 3});
        blobs.put(v.thumbnailPath(), "image/jpeg", new byte[] {4});
        return v;
    }
}
