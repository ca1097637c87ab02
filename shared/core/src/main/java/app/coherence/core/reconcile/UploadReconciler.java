package app.coherence.core.reconcile;

import app.coherence.core.upload.TaskQueue;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.UploadPath;
import app.coherence.core.upload.UploadService;
import app.coherence.core.video.Effect;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes stored files and video documents agree again after an event was lost (a finalize trigger that
 * used up its retries, a task that vanished, a crash between two writes): an upload whose file is
 * stored is finalized; a stored file with no video is deleted; a queued video, or a processing one
 * whose lease ran out, gets its analysis task again. Every step is one the normal flow would take and
 * is safe to repeat, so the sweep is idempotent and may run while the system works. Run it before the
 * reservation sweep, so a finished upload is finalized rather than expired.
 */
public class UploadReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(UploadReconciler.class);
    private static final String UPLOADS = "uploads/";

    private final VideoStore videos;
    private final BlobStore blobs;
    private final UploadService uploads;
    private final TaskQueue tasks;
    private final Duration reservationTtl;
    private final Clock clock;

    public UploadReconciler(VideoStore videos, BlobStore blobs, UploadService uploads, TaskQueue tasks,
                            Duration reservationTtl, Clock clock) {
        this.videos = videos;
        this.blobs = blobs;
        this.uploads = uploads;
        this.tasks = tasks;
        this.reservationTtl = reservationTtl;
        this.clock = clock;
    }

    /** What one sweep repaired. */
    public record Report(int finalized, int orphansDeleted, int reEnqueued, int failures) {
    }

    /** Runs the three passes; one bad item never stops the others (it is logged and retried next time). */
    public Report reconcile() {
        Instant now = clock.instant();
        int[] counts = new int[4];
        // every reservation still awaiting its file (those not yet due expire by now + their lifetime)
        for (Video video : videos.findExpiredReservations(now.plus(reservationTtl).plusSeconds(1))) {
            each(video.videoId(), video.userId(), counts, () -> {
                if (video.isDeleted() || video.status() != VideoStatus.AWAITING_UPLOAD) {
                    return;
                }
                Optional<Long> size = blobs.size(video.storagePath());
                if (size.isPresent()) {
                    UploadService.FinalizeOutcome outcome = uploads.acceptFinalized(
                            new FinalizedUpload(null, video.storagePath(), size.get(), null));
                    LOG.info("reconcile: stored upload had not been finalized; now {}", outcome);
                    counts[0]++;
                }
            });
        }
        try {
            for (String path : blobs.list(UPLOADS)) {
                Optional<UploadPath> parsed = UploadPath.parse(path);
                if (parsed.isEmpty()) {
                    continue;
                }
                each(parsed.get().videoId(), parsed.get().userId(), counts, () -> {
                    Optional<Video> video = videos.find(parsed.get().videoId());
                    if (video.isEmpty() || !video.get().userId().equals(parsed.get().userId())) {
                        blobs.delete(path);
                        LOG.warn("reconcile: deleted stored file {} that no video owns", path);
                        counts[1]++;
                    }
                });
            }
        } catch (Exception e) {
            counts[3]++;
            LOG.warn("reconcile: could not list stored uploads: {}", e.getMessage());
        }
        for (Video video : videos.findUnfinished()) {
            each(video.videoId(), video.userId(), counts, () -> {
                // the lifecycle decides whether the video was left behind; this sweep only carries it out
                if (VideoLifecycle.reconcile(video, now).effects().contains(Effect.ENQUEUE_ANALYSIS)) {
                    // its first task was used (finished or lost): a new name, after the state it was left in
                    boolean enqueued = tasks.enqueueAnalysisAgain(video.videoId(), video.updatedAt());
                    LOG.info("reconcile: {} video had no live attempt; task {}", video.status().wireName(),
                            enqueued ? "enqueued again" : "exists already");
                    counts[2]++;
                }
            });
        }
        Report report = new Report(counts[0], counts[1], counts[2], counts[3]);
        LOG.info("reconcile sweep: {} finalized, {} orphan files deleted, {} analyses re-enqueued, {} failures",
                report.finalized(), report.orphansDeleted(), report.reEnqueued(), report.failures());
        return report;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void each(String videoId, String userId, int[] counts, Step step) {
        try (var ignored = MDC.putCloseable("videoId", videoId); var ignored2 = MDC.putCloseable("userId", userId)) {
            step.run();
        } catch (Exception e) {
            counts[3]++;
            LOG.warn("reconcile: could not repair this video now: {}", e.getMessage());
        }
    }
}
