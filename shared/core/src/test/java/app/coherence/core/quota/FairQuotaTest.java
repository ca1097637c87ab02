package app.coherence.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.history.HistoryService;
import app.coherence.core.job.AnalysisJob;
import app.coherence.core.job.JobOutcome;
import app.coherence.core.job.JobSettings;
import app.coherence.core.testing.InMemoryAnalysisStore;
import app.coherence.core.testing.InMemoryBlobStore;
import app.coherence.core.testing.InMemoryVideos;
import app.coherence.core.testing.RecordingAnalysisEvents;
import app.coherence.core.testing.RecordingTaskQueue;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.UploadRequest;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.upload.UploadService;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.VideoStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fair quota of the free plan (2 analyses a month, 3 uploads a day here), over the in-memory adapters. */
class FairQuotaTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AuthenticatedUser ADA = new AuthenticatedUser("ada", "ada@example.com", "Ada");

    @TempDir
    Path work;

    private final InMemoryVideos store = new InMemoryVideos(new QuotaPolicy(PlanLimits.from(
            Map.of("QUOTA_FREE_PER_MONTH", "2", "QUOTA_UPLOADS_PER_DAY", "3")::get)));
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingTaskQueue tasks = new RecordingTaskQueue();
    private final RecordingAnalysisEvents events = new RecordingAnalysisEvents();
    private final UploadService uploads = new UploadService(UploadRules.defaults(), store, store, blobs, tasks, CLOCK);

    private int usedThisMonth() {
        return store.find(ADA.uid(), YearMonth.of(2026, 11)).analyses();
    }

    private String uploaded(long size) throws Exception {
        String id = uploads.reserve(ADA, new UploadRequest("Talk", "video/mp4", size)).videoId();
        String path = UploadRules.storagePath(ADA.uid(), id);
        blobs.put(path, "video/mp4", new byte[(int) size]);
        uploads.acceptFinalized(new FinalizedUpload("bucket", path, size, "video/mp4"));
        return id;
    }

    private AnalysisJob job(VideoAnalyzer analyzer) {
        return new AnalysisJob(store, new InMemoryAnalysisStore(), blobs, analyzer, events,
                new JobSettings(Duration.ofSeconds(90), Duration.ofMillis(500), 2, work), CLOCK);
    }

    @Test
    void aFileThatIsNotATalkGivesItsSlotBack() throws Exception {
        String id = uploaded(16);
        assertThat(usedThisMonth()).isEqualTo(1);
        JobOutcome outcome = job((file, videoId, progress) -> {
            throw new MediaRejectedException(ErrorCode.NO_SPEECH, "nobody speaks in this video");
        }).run(id);
        assertThat(outcome).isEqualTo(JobOutcome.REJECTED);
        assertThat(store.find(id).orElseThrow().error().code()).isEqualTo(ErrorCode.NO_SPEECH);
        assertThat(usedThisMonth()).isZero();
        assertThat(events.published()).singleElement().satisfies(e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SPEECH));
    }

    @Test
    void anUploadThatDoesNotMatchItsReservationGivesItsSlotBackAndIsDeleted() throws Exception {
        String id = uploads.reserve(ADA, new UploadRequest("Talk", "video/mp4", 16L)).videoId();
        String path = UploadRules.storagePath(ADA.uid(), id);
        blobs.put(path, "video/mp4", new byte[32]);
        assertThat(uploads.acceptFinalized(new FinalizedUpload("bucket", path, 32, "video/mp4")))
                .isEqualTo(UploadService.FinalizeOutcome.REJECTED);
        assertThat(store.find(id).orElseThrow().error().code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(blobs.size(path)).isEmpty();
        assertThat(usedThisMonth()).isZero();
        assertThat(tasks.tasks()).isEmpty();
    }

    @Test
    void deletingAnUploadThatNeverArrivedGivesItsSlotBackAtOnce() {
        String id = uploads.reserve(ADA, new UploadRequest("Talk", "video/mp4", 16L)).videoId();
        HistoryService history = new HistoryService(store, null, null, blobs, CLOCK, Duration.ofHours(1));
        history.delete(ADA.uid(), id);
        assertThat(usedThisMonth()).isZero();
        history.delete(ADA.uid(), id);
        assertThat(new ReservationSweeper(store, Clock.offset(CLOCK, Duration.ofHours(2))).sweep()).isEqualTo(1);
        assertThat(usedThisMonth()).as("given back once, however it goes").isZero();
    }

    @Test
    void aCompletedAnalysisCountsAndTheDailyCapStays() throws Exception {
        String first = uploaded(16);
        JobOutcome done = job((file, videoId, progress) -> new AnalysisOutput(result(videoId), null)).run(first);
        assertThat(done).isEqualTo(JobOutcome.COMPLETED);
        assertThat(store.find(first).orElseThrow().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(usedThisMonth()).isEqualTo(1);

        // two reservations deleted before upload: slots back, but they count as uploads of the day
        HistoryService history = new HistoryService(store, null, null, blobs, CLOCK, Duration.ofHours(1));
        for (int i = 0; i < 2; i++) {
            history.delete(ADA.uid(), uploads.reserve(ADA, new UploadRequest("Again", "video/mp4", 16L)).videoId());
        }
        assertThat(usedThisMonth()).isEqualTo(1);
        assertThatThrownBy(() -> uploads.reserve(ADA, new UploadRequest("Fourth today", "video/mp4", 16L)))
                .isInstanceOfSatisfying(CoherenceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).containsIgnoringCase("day");
                });
    }

    @Test
    void aFailureOfOursGivesTheSlotBackWhenTheRetriesAreUsedUp() throws Exception {
        String id = uploaded(16);
        AnalysisJob crashing = job((file, videoId, progress) -> {
            throw new IllegalStateException("decoder crashed");
        });
        assertThat(crashing.run(id)).isEqualTo(JobOutcome.RETRY);
        assertThat(usedThisMonth()).isEqualTo(1);
        assertThat(crashing.run(id)).isEqualTo(JobOutcome.GAVE_UP);
        assertThat(store.find(id).orElseThrow().error().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(usedThisMonth()).isZero();
    }

    private static AnalysisResult result(String videoId) {
        return new AnalysisResult(videoId, 60.0, 70, ScoreTier.GOOD_START, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), "test");
    }
}
