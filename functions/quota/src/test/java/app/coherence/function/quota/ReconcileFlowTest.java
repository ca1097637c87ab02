package app.coherence.function.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.QueryString;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.reconcile.UploadReconciler;
import app.coherence.core.upload.UploadRequest;
import app.coherence.core.upload.UploadReservation;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.upload.TaskQueue;
import app.coherence.core.upload.UploadService;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation sweep against the Firestore emulator and the file blob store, with the states a
 * lost event leaves behind made the real way: an upload stored while nobody listened for its
 * finalize event, a file with no video, an attempt whose lease ran out with nobody to retry it.
 */
class ReconcileFlowTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int SIZE = 2048;

    @TempDir
    Path dir;

    private FirestoreTestEmulator firestore;
    private FirestoreVideoStore videos;
    private FileSystemBlobStore blobs;
    private UploadService uploads;
    private UploadReconciler reconciler;
    private final List<String> enqueued = new CopyOnWriteArrayList<>();
    private final AuthenticatedUser user = new AuthenticatedUser("u" + UUID.randomUUID().toString().substring(0, 8),
            "ada@example.com", "Ada");

    @BeforeEach
    void start() {
        firestore = FirestoreTestEmulator.shared();
        videos = new FirestoreVideoStore(firestore.admin());
        FirestoreUploadLedger ledger = new FirestoreUploadLedger(firestore.admin(), new QuotaPolicy(PlanLimits.defaults()));
        // no finalize listener: every upload's event is lost, as when the trigger used up its retries
        blobs = new FileSystemBlobStore(dir.resolve("blobs"), "coherence-uploads",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), () -> "http://127.0.0.1:9", CLOCK);
        TaskQueue tasks = new TaskQueue() {
            @Override
            public boolean enqueueAnalysis(String videoId) {
                return enqueued.add(videoId);
            }

            @Override
            public boolean enqueueAnalysisAgain(String videoId, java.time.Instant leftAt) {
                return enqueued.add(videoId);
            }
        };
        uploads = new UploadService(UploadRules.defaults(), ledger, videos, blobs, tasks, CLOCK);
        reconciler = new UploadReconciler(videos, blobs, uploads, tasks,
                UploadRules.defaults().reservationTtl(), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        firestore.close();
    }

    private String uploadWithLostEvent() throws Exception {
        UploadReservation reservation = uploads.reserve(user, new UploadRequest("Lost event", "video/mp4", (long) SIZE));
        String query = URI.create(reservation.uploadUrl()).getRawQuery();
        blobs.receiveUpload(QueryString.firstValues(query), "video/mp4", SIZE, new ByteArrayInputStream(new byte[SIZE]));
        return reservation.videoId();
    }

    @Test
    void reconcile_shouldFinalizeAStoredUploadWhoseEventWasLost_once() throws Exception {
        String videoId = uploadWithLostEvent();
        assertThat(videos.find(videoId).orElseThrow().status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);

        UploadReconciler.Report first = reconciler.reconcile();
        UploadReconciler.Report second = reconciler.reconcile();

        Video video = videos.find(videoId).orElseThrow();
        assertThat(video.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(video.sizeBytes()).isEqualTo(SIZE);
        assertThat(enqueued).containsExactly(videoId);
        assertThat(first.finalized()).isGreaterThanOrEqualTo(1);
        assertThat(second.finalized()).isZero();
    }

    @Test
    void reconcile_shouldDeleteAStoredFileNoVideoOwns_andKeepOwnedOnes() throws Exception {
        String owned = uploadWithLostEvent();
        String orphan = "uploads/" + user.uid() + "/" + UUID.randomUUID().toString().replace("-", "");
        blobs.put(orphan, "video/mp4", new byte[SIZE]);

        reconciler.reconcile();

        assertThat(blobs.size(orphan)).isEmpty();
        assertThat(blobs.size(videos.find(owned).orElseThrow().storagePath())).contains((long) SIZE);
    }

    @Test
    void reconcile_shouldReEnqueueAProcessingVideoWhoseLeaseRanOut_notOneStillHeld() throws Exception {
        String stale = uploadWithLostEvent();
        String live = uploadWithLostEvent();
        reconciler.reconcile();
        enqueued.clear();
        Instant now = CLOCK.instant();
        videos.update(stale, v -> v.withStatus(VideoStatus.PROCESSING, now)
                .withAttempt("a-stale", now.minusSeconds(600), now).withProgress(Progress.of("speech", 40), now));
        videos.update(live, v -> v.withStatus(VideoStatus.PROCESSING, now)
                .withAttempt("a-live", now.plusSeconds(90), now).withProgress(Progress.of("speech", 40), now));

        UploadReconciler.Report report = reconciler.reconcile();

        assertThat(enqueued).containsExactly(stale);
        assertThat(report.reEnqueued()).isEqualTo(1);
    }
}
