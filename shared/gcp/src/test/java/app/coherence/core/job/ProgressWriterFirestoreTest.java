package app.coherence.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis' progress writer on the real video store: at most one write per 500 ms, an ETA once
 * under way, and the attempt stops when its video is deleted or taken over. (Same package as the
 * package-private writer; lives here because core's own tests have no Firestore.)
 */
class ProgressWriterFirestoreTest {
    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
    private static FirestoreTestEmulator emulator;
    private static FirestoreVideoStore videos;
    private final StepClock clock = new StepClock(T0);
    private final JobSettings settings = new JobSettings(Duration.ofSeconds(90), Duration.ofMillis(500), 5, Path.of("."));

    @BeforeAll
    static void start() {
        emulator = FirestoreTestEmulator.shared();
        videos = new FirestoreVideoStore(emulator.admin());
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Test
    void onProgress_shouldWriteAtMostEvery500msWithAnEta() {
        processing("p1", "attempt-1");
        ProgressWriter writer = new ProgressWriter(videos, "p1", "attempt-1", settings, clock);

        clock.advance(Duration.ofMillis(1000));
        writer.onProgress("decode", 10);
        assertThat(progress("p1")).isEqualTo(new Progress("decode", 10, 9));

        clock.advance(Duration.ofMillis(499));
        writer.onProgress("decode", 20);
        assertThat(progress("p1").percent()).as("499 ms after the last write").isEqualTo(10);

        clock.advance(Duration.ofMillis(1));
        writer.onProgress("speech", 30);
        // 1.5 s for 30 % → 3.5 s left
        assertThat(progress("p1")).isEqualTo(new Progress("speech", 30, 4));
        assertThat(videos.find("p1").orElseThrow().leaseUntil()).isEqualTo(clock.instant().plus(Duration.ofSeconds(90)));

        clock.advance(Duration.ofMillis(600));
        writer.onProgress("speech", 25);
        assertThat(progress("p1").percent()).as("progress never goes back").isEqualTo(30);
    }

    @Test
    void onProgress_shouldRenewTheLeaseWhileAStageStaysAtOnePercent() {
        processing("p4", "attempt-4");
        ProgressWriter writer = new ProgressWriter(videos, "p4", "attempt-4", settings, clock);
        clock.advance(Duration.ofSeconds(1));
        writer.onProgress("speech", 40);
        Instant firstLease = videos.find("p4").orElseThrow().leaseUntil();

        clock.advance(Duration.ofSeconds(29));
        writer.onProgress("speech", 40);
        assertThat(videos.find("p4").orElseThrow().leaseUntil()).as("a third of the lease not yet gone").isEqualTo(firstLease);

        clock.advance(Duration.ofSeconds(1));
        writer.onProgress("speech", 39);
        Video renewed = videos.find("p4").orElseThrow();
        assertThat(renewed.leaseUntil()).isEqualTo(clock.instant().plus(Duration.ofSeconds(90)));
        assertThat(renewed.progress().stage()).isEqualTo("speech");
        assertThat(renewed.progress().percent()).as("a heartbeat never moves progress back").isEqualTo(40);
    }

    @Test
    void onProgress_shouldStopTheAttemptOfADeletedVideo() {
        processing("p2", "attempt-2");
        ProgressWriter writer = new ProgressWriter(videos, "p2", "attempt-2", settings, clock);
        videos.update("p2", v -> v.withDeleted(clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> writer.onProgress("vision", 50)).isInstanceOf(ProgressWriter.AttemptCancelled.class);
        assertThat(videos.find("p2").orElseThrow().progress().percent()).isZero();
    }

    @Test
    void onProgress_shouldStopAnAttemptTakenOverByAnother() {
        processing("p3", "attempt-3");
        ProgressWriter writer = new ProgressWriter(videos, "p3", "attempt-3", settings, clock);
        videos.update("p3", v -> v.withAttempt("attempt-4", clock.instant().plusSeconds(90), clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> writer.onProgress("vision", 50)).isInstanceOf(ProgressWriter.AttemptCancelled.class);
    }

    private Progress progress(String id) {
        return videos.find(id).orElseThrow().progress();
    }

    private void processing(String id, String attempt) {
        Video v = Video.reserved(id, "u", "t", "uploads/u/" + id, "video/mp4", 1, T0, T0.plusSeconds(3600))
                .withStatus(VideoStatus.QUEUED, T0).withStatus(VideoStatus.PROCESSING, T0)
                .withAttempt(attempt, T0.plusSeconds(90), T0).withProgress(Progress.of("download", 0), T0);
        videos.create(v);
    }

    /** A clock the test moves by hand. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
