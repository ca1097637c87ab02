package app.coherence.core.job;

import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.LocalBlob;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the analysis of one video, once: claims it with a lease (so a second delivery while a live
 * attempt runs does nothing), downloads, analyses with progress, stores the result and announces it.
 */
public class AnalysisJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJob.class);
    /** The error code of a video that failed for a reason of ours (its quota slot is given back). */
    private static final String OUR_FAULT = "INTERNAL";

    private final VideoStore videos;
    private final AnalysisStore analyses;
    private final BlobStore blobs;
    private final VideoAnalyzer analyzer;
    private final AnalysisEvents events;
    private final UploadLedger ledger;
    private final JobSettings settings;
    private final Clock clock;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    public AnalysisJob(VideoStore videos, AnalysisStore analyses, BlobStore blobs, VideoAnalyzer analyzer,
                       AnalysisEvents events, UploadLedger ledger, JobSettings settings, Clock clock) {
        this.videos = videos;
        this.analyses = analyses;
        this.blobs = blobs;
        this.analyzer = analyzer;
        this.events = events;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs one delivery of the task for {@code videoId}. */
    public JobOutcome run(String videoId) {
        try (var ignored = MDC.putCloseable("videoId", videoId)) {
            String attemptId = UUID.randomUUID().toString();
            AtomicReference<JobOutcome> refusal = new AtomicReference<>();
            Optional<Video> claimed = videos.update(videoId, v -> claim(v, attemptId, refusal));
            if (claimed.isEmpty()) {
                LOG.warn("analysis task for an unknown video; dropped");
                return JobOutcome.UNKNOWN_VIDEO;
            }
            Video video = claimed.get();
            try (var ignored2 = MDC.putCloseable("userId", video.userId())) {
                if (refusal.get() != null) {
                    LOG.info("analysis task not run: {} (status {})", refusal.get(), video.status().wireName());
                    if (refusal.get() == JobOutcome.NOTHING_TO_DO && wasAnalysed(video)) {
                        // A redelivery after an outcome was stored: perhaps announcing it failed last time.
                        return settle(video) ? JobOutcome.NOTHING_TO_DO : JobOutcome.RETRY;
                    }
                    return refusal.get();
                }
                LOG.info("analysis started, attempt {}", video.attempts());
                return analyse(video, attemptId);
            }
        }
    }

    private Video claim(Video v, String attemptId, AtomicReference<JobOutcome> refusal) {
        refusal.set(null);
        Instant now = clock.instant();
        if (v.isDeleted() || v.status().isTerminal() || v.status() == VideoStatus.AWAITING_UPLOAD) {
            refusal.set(JobOutcome.NOTHING_TO_DO);
            return v;
        }
        if (v.status() == VideoStatus.PROCESSING && v.leaseUntil() != null && v.leaseUntil().isAfter(now)) {
            refusal.set(JobOutcome.BUSY);
            return v;
        }
        return v.withStatus(VideoStatus.PROCESSING, now)
                .withAttempt(attemptId, now.plus(settings.lease()), now)
                .withProgress(Progress.of("download", 0), now);
    }

    private JobOutcome analyse(Video video, String attemptId) {
        LocalBlob file = null;
        running.incrementAndGet();
        try {
            file = blobs.openLocally(video.storagePath(), settings.workDir());
            ProgressWriter progress = new ProgressWriter(videos, video.videoId(), attemptId, settings, clock, () -> stopping);
            AnalysisOutput output = analyzer.analyze(file.file(), video.videoId(), progress);
            return complete(video, attemptId, output);
        } catch (MediaRejectedException e) {
            return reject(video, attemptId, e);
        } catch (ProgressWriter.AttemptCancelled e) {
            return cancelled(video, attemptId, e);
        } catch (IOException | RuntimeException e) {
            if (cancelledWithin(e)) {
                // The pipeline wrapped our cancellation in an exception of its own.
                return cancelled(video, attemptId, e);
            }
            return transientFailure(video, attemptId, e);
        } finally {
            running.decrementAndGet();
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warn("could not delete work file {}", file.file());
                }
            }
        }
    }

    /**
     * Stops every running attempt at its next progress report (the service is shutting down): the
     * video stays processing with its lease freed, so the next delivery (or a restart) takes it over
     * at once. Waits a few seconds for the attempts to let go.
     */
    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running.get() > 0) {
            LOG.warn("{} analysis attempt(s) still running at shutdown", running.get());
        }
    }

    private JobOutcome cancelled(Video video, String attemptId, Exception e) {
        if (!stopping) {
            LOG.info("analysis cancelled: {}", e.getMessage());
            return JobOutcome.NOTHING_TO_DO;
        }
        videos.update(video.videoId(), v -> attemptId.equals(v.attemptId()) && v.status() == VideoStatus.PROCESSING
                ? v.withLease(null, clock.instant()) : v);
        LOG.info("analysis interrupted by shutdown; the video stays processing for the next delivery");
        return JobOutcome.RETRY;
    }

    private static boolean cancelledWithin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProgressWriter.AttemptCancelled) {
                return true;
            }
        }
        return false;
    }

    private JobOutcome complete(Video video, String attemptId, AnalysisOutput output) throws IOException {
        AnalysisResult result = output.result();
        String thumbnail = null;
        if (output.thumbnailJpeg() != null) {
            thumbnail = "thumbnails/" + video.userId() + "/" + video.videoId() + ".jpg";
            blobs.put(thumbnail, "image/jpeg", output.thumbnailJpeg());
        }
        analyses.save(video.userId(), result);
        String thumbnailPath = thumbnail;
        AtomicReference<Boolean> ours = new AtomicReference<>(false);
        Optional<Video> stored = videos.update(video.videoId(), v -> {
            ours.set(false);
            if (!attemptId.equals(v.attemptId()) || v.isDeleted() || v.status() != VideoStatus.PROCESSING) {
                return v;
            }
            ours.set(true);
            return v.withCompletion(result.coherenceScore(), result.scoreTier(), result.durationSeconds(),
                    thumbnailPath, clock.instant());
        });
        if (!ours.get() || stored.isEmpty()) {
            LOG.info("analysis finished but the attempt was superseded or cancelled; result kept, status untouched");
            return JobOutcome.NOTHING_TO_DO;
        }
        LOG.info("analysis completed with score {} ({})", result.coherenceScore(), result.scoreTier());
        return settle(stored.get()) ? JobOutcome.COMPLETED : JobOutcome.RETRY;
    }

    private JobOutcome reject(Video video, String attemptId, MediaRejectedException e) {
        VideoError error = new VideoError(e.code().name(), e.getMessage());
        Optional<Video> failed = failIfOurs(video, attemptId, error);
        LOG.warn("video rejected: {} {}", error.code(), error.message());
        return failed.isEmpty() || settle(failed.get()) ? JobOutcome.REJECTED : JobOutcome.RETRY;
    }

    private JobOutcome transientFailure(Video video, String attemptId, Exception e) {
        Optional<Video> current;
        try {
            current = videos.find(video.videoId());
        } catch (RuntimeException unreachable) {
            LOG.error("analysis attempt failed and the video store does not answer; will be retried", e);
            return JobOutcome.RETRY;
        }
        int attempts = current.map(Video::attempts).orElse(video.attempts());
        if (attempts >= settings.maxAttempts()) {
            VideoError error = new VideoError(OUR_FAULT, "analysis failed after " + attempts + " attempts; your quota slot was returned");
            Optional<Video> failed = failIfOurs(video, attemptId, error);
            LOG.error("analysis gave up after {} attempts", attempts, e);
            return failed.isEmpty() || settle(failed.get()) ? JobOutcome.GAVE_UP : JobOutcome.RETRY;
        }
        // Free the lease so the queue's retry can claim the video at once.
        try {
            videos.update(video.videoId(), v -> attemptId.equals(v.attemptId()) && v.status() == VideoStatus.PROCESSING
                    ? v.withLease(null, clock.instant()) : v);
        } catch (RuntimeException unreachable) {
            // the store is down too: the lease runs out by itself and the retry takes over then
            LOG.warn("lease of the failed attempt not freed: {}", unreachable.getMessage());
        }
        LOG.error("analysis attempt {} failed; will be retried", attempts, e);
        return JobOutcome.RETRY;
    }

    /** The failed video when this attempt failed it; empty when the attempt was no longer the video's. */
    private Optional<Video> failIfOurs(Video video, String attemptId, VideoError error) {
        AtomicReference<Boolean> ours = new AtomicReference<>(false);
        Optional<Video> stored = videos.update(video.videoId(), v -> {
            ours.set(false);
            if (!attemptId.equals(v.attemptId()) || v.status() != VideoStatus.PROCESSING) {
                return v;
            }
            ours.set(true);
            return v.withFailure(error, clock.instant());
        });
        return ours.get() ? stored : Optional.empty();
    }

    /** True for a video whose analysis ran to a stored outcome (not one failed before any attempt). */
    private static boolean wasAnalysed(Video video) {
        return !video.isDeleted() && video.status().isTerminal() && video.attempts() > 0;
    }

    /**
     * The consequences of a stored outcome, each safe to repeat: a failure of ours gives the quota slot
     * back (the ledger does so once per video) and the outcome is announced on analysis-events
     * (consumers apply each video's event once). Returns false when that could not be done now: the
     * task is then retried and the redelivery settles the video again, so no announcement is lost.
     */
    private boolean settle(Video video) {
        try {
            if (video.status() == VideoStatus.FAILED && video.error() != null && OUR_FAULT.equals(video.error().code())) {
                ledger.release(video);
            }
            events.publish(video.status() == VideoStatus.COMPLETED
                    ? new AnalysisEvent(AnalysisEvent.COMPLETED, video.videoId(), video.userId(), video.coherenceScore(),
                            video.scoreTier(), null, null, clock.instant())
                    : new AnalysisEvent(AnalysisEvent.FAILED, video.videoId(), video.userId(), null, null,
                            video.error() == null ? null : video.error().code(),
                            video.error() == null ? null : video.error().message(), clock.instant()));
            return true;
        } catch (RuntimeException e) {
            LOG.error("outcome {} stored but not yet announced; the task will be retried", video.status().wireName(), e);
            return false;
        }
    }
}
