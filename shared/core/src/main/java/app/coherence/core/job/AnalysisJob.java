package app.coherence.core.job;

import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the analysis of one video, once: claims it with a lease (so a second delivery while a live
 * attempt runs does nothing), downloads, analyses with progress, stores the result and announces it.
 */
public class AnalysisJob {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJob.class);

    private final VideoStore videos;
    private final AnalysisStore analyses;
    private final BlobStore blobs;
    private final VideoAnalyzer analyzer;
    private final AnalysisEvents events;
    private final UploadLedger ledger;
    private final JobSettings settings;
    private final Clock clock;

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
        Path workFile = null;
        try {
            Files.createDirectories(settings.workDir());
            workFile = Files.createTempFile(settings.workDir(), "video-" + video.videoId(), ".bin");
            blobs.download(video.storagePath(), workFile);
            ProgressWriter progress = new ProgressWriter(videos, video.videoId(), attemptId, settings, clock);
            AnalysisOutput output = analyzer.analyze(workFile, video.videoId(), progress);
            return complete(video, attemptId, output);
        } catch (MediaRejectedException e) {
            return reject(video, attemptId, e);
        } catch (ProgressWriter.AttemptCancelled e) {
            LOG.info("analysis cancelled: {}", e.getMessage());
            return JobOutcome.NOTHING_TO_DO;
        } catch (IOException | RuntimeException e) {
            if (cancelledWithin(e)) {
                // The pipeline wrapped our cancellation in an exception of its own.
                LOG.info("analysis cancelled: {}", e.getMessage());
                return JobOutcome.NOTHING_TO_DO;
            }
            return transientFailure(video, attemptId, e);
        } finally {
            if (workFile != null) {
                try {
                    Files.deleteIfExists(workFile);
                } catch (IOException e) {
                    LOG.warn("could not delete work file {}", workFile);
                }
            }
        }
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
        videos.update(video.videoId(), v -> {
            ours.set(false);
            if (!attemptId.equals(v.attemptId()) || v.isDeleted() || v.status() != VideoStatus.PROCESSING) {
                return v;
            }
            ours.set(true);
            return v.withCompletion(result.coherenceScore(), result.scoreTier(), result.durationSeconds(),
                    thumbnailPath, clock.instant());
        });
        if (!ours.get()) {
            LOG.info("analysis finished but the attempt was superseded or cancelled; result kept, status untouched");
            return JobOutcome.NOTHING_TO_DO;
        }
        events.publish(new AnalysisEvent(AnalysisEvent.COMPLETED, video.videoId(), video.userId(),
                result.coherenceScore(), result.scoreTier(), null, null, clock.instant()));
        LOG.info("analysis completed with score {} ({})", result.coherenceScore(), result.scoreTier());
        return JobOutcome.COMPLETED;
    }

    private JobOutcome reject(Video video, String attemptId, MediaRejectedException e) {
        VideoError error = new VideoError(e.code().name(), e.getMessage());
        boolean failed = failIfOurs(video, attemptId, error);
        if (failed) {
            events.publish(new AnalysisEvent(AnalysisEvent.FAILED, video.videoId(), video.userId(), null, null,
                    error.code(), error.message(), clock.instant()));
        }
        LOG.warn("video rejected: {} {}", error.code(), error.message());
        return JobOutcome.REJECTED;
    }

    private JobOutcome transientFailure(Video video, String attemptId, Exception e) {
        Optional<Video> current = videos.find(video.videoId());
        int attempts = current.map(Video::attempts).orElse(video.attempts());
        if (attempts >= settings.maxAttempts()) {
            VideoError error = new VideoError("INTERNAL", "analysis failed after " + attempts + " attempts; your quota slot was returned");
            if (failIfOurs(video, attemptId, error)) {
                ledger.release(video);
                events.publish(new AnalysisEvent(AnalysisEvent.FAILED, video.videoId(), video.userId(), null, null,
                        error.code(), error.message(), clock.instant()));
            }
            LOG.error("analysis gave up after {} attempts", attempts, e);
            return JobOutcome.GAVE_UP;
        }
        // Free the lease so the queue's retry can claim the video at once.
        videos.update(video.videoId(), v -> attemptId.equals(v.attemptId()) && v.status() == VideoStatus.PROCESSING
                ? v.withLease(null, clock.instant()) : v);
        LOG.error("analysis attempt {} failed; will be retried", attempts, e);
        return JobOutcome.RETRY;
    }

    private boolean failIfOurs(Video video, String attemptId, VideoError error) {
        AtomicReference<Boolean> ours = new AtomicReference<>(false);
        videos.update(video.videoId(), v -> {
            ours.set(false);
            if (!attemptId.equals(v.attemptId()) || v.status() != VideoStatus.PROCESSING) {
                return v;
            }
            ours.set(true);
            return v.withFailure(error, clock.instant());
        });
        return ours.get();
    }
}
