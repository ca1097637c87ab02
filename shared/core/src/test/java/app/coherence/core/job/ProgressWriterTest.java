package app.coherence.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Progress writes against a store that stops answering, as a killed Firestore does. */
class ProgressWriterTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final JobSettings SETTINGS = new JobSettings(Duration.ofSeconds(90), Duration.ofMillis(500), 5, Path.of("."));

    /** One video held in memory; {@code down} makes every call fail as the Firestore adapter does. */
    private static class Store implements VideoStore {
        Video video;
        boolean down;
        int writes;

        @Override
        public void create(Video v) {
            video = v;
        }

        @Override
        public Optional<Video> find(String videoId) {
            return Optional.ofNullable(video);
        }

        @Override
        public Optional<Video> update(String videoId, UnaryOperator<Video> change) {
            if (down) {
                throw new CoherenceException(ErrorCode.UNAVAILABLE, "updating video " + videoId + " got no answer within 10 s");
            }
            video = change.apply(video);
            writes++;
            return Optional.of(video);
        }

        @Override
        public Optional<Transition> apply(String videoId, Function<Video, Transition> step) {
            if (down) {
                throw new CoherenceException(ErrorCode.UNAVAILABLE, "updating video " + videoId + " got no answer within 10 s");
            }
            Transition next = step.apply(video);
            if (next.moved()) {
                video = next.video();
                writes++;
            }
            return Optional.of(next);
        }

        @Override
        public List<Video> findUnfinished() {
            return List.of();
        }

        @Override
        public List<Video> findExpiredReservations(Instant now) {
            return List.of();
        }
    }

    private static final class Ticking extends Clock {
        Instant now = START;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Store storeWithClaimedVideo() {
        Store store = new Store();
        store.video = Video.reserved("v1", "u1", "Talk", "uploads/u1/v1", "video/mp4", 100, START, START.plusSeconds(3600))
                .withStatus(VideoStatus.QUEUED, START)
                .withStatus(VideoStatus.PROCESSING, START)
                .withAttempt("a1", START.plus(SETTINGS.lease()), START)
                .withProgress(Progress.of("download", 0), START);
        return store;
    }

    @Test
    void onProgress_shouldKeepAnalysingWhileTheStoreIsDownAndTheLeaseHolds() {
        Store store = storeWithClaimedVideo();
        Ticking clock = new Ticking();
        ProgressWriter writer = new ProgressWriter(store, "v1", "a1", SETTINGS, clock);
        store.down = true;
        for (int second = 1; second <= 60; second++) {
            clock.now = START.plusSeconds(second);
            writer.onProgress("vision", second);
        }
        store.down = false;
        clock.now = START.plusSeconds(61);
        writer.onProgress("vision", 61);
        assertThat(store.video.progress().percent()).isEqualTo(61);
        assertThat(store.video.leaseUntil()).isEqualTo(START.plusSeconds(61).plus(SETTINGS.lease()));
    }

    @Test
    void onProgress_shouldStopTheAttemptBeforeItsUnrenewedLeaseRunsOut() {
        Store store = storeWithClaimedVideo();
        Ticking clock = new Ticking();
        ProgressWriter writer = new ProgressWriter(store, "v1", "a1", SETTINGS, clock);
        store.down = true;
        int second = 1;
        try {
            for (; second <= 90; second++) {
                clock.now = START.plusSeconds(second);
                writer.onProgress("vision", second);
            }
        } catch (ProgressWriter.LeaseLost e) {
            assertThat(e).hasMessageContaining("lease");
        }
        // stops with a sixth of the lease (15 s) to spare, never after the lease ran out
        assertThat(second).isBetween(70, 76);
    }

    @Test
    void onProgress_shouldLetOtherStoreFailuresThrough() {
        Store store = new Store() {
            @Override
            public Optional<Video> update(String videoId, UnaryOperator<Video> change) {
                throw new CoherenceException(ErrorCode.INTERNAL, "broken");
            }

            @Override
            public Optional<Transition> apply(String videoId, Function<Video, Transition> step) {
                throw new CoherenceException(ErrorCode.INTERNAL, "broken");
            }
        };
        store.video = storeWithClaimedVideo().video;
        Ticking clock = new Ticking();
        ProgressWriter writer = new ProgressWriter(store, "v1", "a1", SETTINGS, clock);
        clock.now = START.plusSeconds(1);
        assertThatThrownBy(() -> writer.onProgress("vision", 10)).isInstanceOf(CoherenceException.class);
    }
}
