package app.coherence.core.job;

import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.LocalBlob;
import app.coherence.core.video.Effect;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Verdict;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the analysis of one video, once: claims it with a lease (so a second delivery while a live
 * attempt runs does nothing), downloads, analyses with progress, stores the result and announces it.
 * Every change of the video is a {@link VideoLifecycle} step; this class carries out their effects.
 */
public class AnalysisJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJob.class);

    private final VideoStore videos;
    private final AnalysisStore analyses;
    private final BlobStore blobs;
    private final VideoAnalyzer analyzer;
    private final AnalysisEvents events;
    private final JobSettings settings;
    private final Clock clock;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    public AnalysisJob(VideoStore videos, AnalysisStore analyses, BlobStore blobs, VideoAnalyzer analyzer,
                       AnalysisEvents events, JobSettings settings, Clock clock) {
        this.videos = videos;
        this.analyses = analyses;
        this.blobs = blobs;
        this.analyzer = analyzer;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs one delivery of the task for {@code videoId}. */
    public JobOutcome run(String videoId) {
        try (var ignored = MDC.putCloseable("videoId", videoId)) {
            String attemptId = UUID.randomUUID().toString();
            Optional<Transition> claimed = videos.apply(videoId,
                    v -> VideoLifecycle.claim(v, attemptId, clock.instant(), settings.lease()));
            if (claimed.isEmpty()) {
                LOG.warn("analysis task for an unknown video; dropped");
                return JobOutcome.UNKNOWN_VIDEO;
            }
            Transition claim = claimed.get();
            Video video = claim.video();
            try (var ignored2 = MDC.putCloseable("userId", video.userId())) {
                if (claim.verdict() == Verdict.BUSY) {
                    LOG.info("analysis task not run: another attempt holds the lease");
                    return JobOutcome.BUSY;
                }
                if (!claim.moved()) {
                    LOG.info("analysis task not run: nothing to do (status {})", video.status().wireName());
                    // a redelivery after an outcome was stored: perhaps announcing it failed last time
                    return !claim.has(Effect.ANNOUNCE_OUTCOME) || announce(video) ? JobOutcome.NOTHING_TO_DO : JobOutcome.RETRY;
                }
                LOG.info("analysis started, attempt {}", video.attempts());
                return analyse(video, attemptId);
            }
        }
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
            return attemptFailed(video, attemptId, e);
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
        step(video, v -> VideoLifecycle.cancelAttempt(v, attemptId, clock.instant()));
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
        Transition done = step(video, v -> VideoLifecycle.complete(v, attemptId, result.coherenceScore(), result.scoreTier(),
                result.durationSeconds(), thumbnailPath, clock.instant()));
        if (!done.moved()) {
            LOG.info("analysis finished but the attempt was superseded or cancelled; result kept, status untouched");
            return JobOutcome.NOTHING_TO_DO;
        }
        LOG.info("analysis completed with score {} ({})", result.coherenceScore(), result.scoreTier());
        return announce(done.video()) ? JobOutcome.COMPLETED : JobOutcome.RETRY;
    }

    private JobOutcome reject(Video video, String attemptId, MediaRejectedException e) {
        VideoError error = new VideoError(e.code(), e.getMessage());
        Transition failed = step(video, v -> VideoLifecycle.fail(v, attemptId, error, clock.instant()));
        LOG.warn("video rejected: {} {}; slot returned", error.code(), error.message());
        return !failed.moved() || announce(failed.video()) ? JobOutcome.REJECTED : JobOutcome.RETRY;
    }

    private JobOutcome attemptFailed(Video video, String attemptId, Exception e) {
        Transition next;
        try {
            next = step(video, v -> VideoLifecycle.attemptFailed(v, attemptId, settings.maxAttempts(), clock.instant()));
        } catch (RuntimeException unreachable) {
            // the store is down too: the lease runs out by itself and the queue's retry takes over then
            LOG.error("analysis attempt failed and the video store does not answer; will be retried", e);
            return JobOutcome.RETRY;
        }
        int attempts = next.video().attempts();
        if (next.moved() && next.video().status() == VideoStatus.FAILED) {
            LOG.error("analysis gave up after {} attempts", attempts, e);
            return announce(next.video()) ? JobOutcome.GAVE_UP : JobOutcome.RETRY;
        }
        LOG.error("analysis attempt {} failed; will be retried", attempts, e);
        return JobOutcome.RETRY;
    }

    /** Applies one step to the stored video; a video gone meanwhile stays as this attempt last saw it. */
    private Transition step(Video video, Function<Video, Transition> step) {
        return videos.apply(video.videoId(), step).orElseGet(() -> Transition.stay(video, Verdict.NOT_THIS_ATTEMPT));
    }

    /**
     * Announces a stored outcome on analysis-events (consumers apply each video's event once). Returns
     * false when that could not be done now: the task is then retried, and the redelivery's claim
     * announces again, so no announcement is lost.
     */
    private boolean announce(Video video) {
        try {
            events.publish(video.status() == VideoStatus.COMPLETED
                    ? new AnalysisEvent(AnalysisEvent.Type.COMPLETED, video.videoId(), video.userId(), video.coherenceScore(),
                            video.scoreTier(), null, null, clock.instant())
                    : new AnalysisEvent(AnalysisEvent.Type.FAILED, video.videoId(), video.userId(), null, null,
                            video.error() == null ? null : video.error().code(),
                            video.error() == null ? null : video.error().message(), clock.instant()));
            return true;
        } catch (RuntimeException e) {
            LOG.error("outcome {} stored but not yet announced; the task will be retried", video.status().wireName(), e);
            return false;
        }
    }
}
