package app.coherence.core.job;

import app.coherence.core.analysis.ProgressListener;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Transition;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an attempt's progress to the status document at most once per interval, renewing its lease;
 * stops the analysis when the attempt is no longer the video's current one (deleted or superseded).
 */
final class ProgressWriter implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressWriter.class);
    private final VideoStore videos;
    private final String videoId;
    private final String attemptId;
    private final JobSettings settings;
    private final Clock clock;
    private final Instant started;
    private Instant lastWrite;
    private int lastPercent = -1;
    private String lastStage;
    private final BooleanSupplier stopping;
    private Instant leaseConfirmedUntil;
    private Instant quietUntil = Instant.MIN;

    ProgressWriter(VideoStore videos, String videoId, String attemptId, JobSettings settings, Clock clock) {
        this(videos, videoId, attemptId, settings, clock, () -> false);
    }

    ProgressWriter(VideoStore videos, String videoId, String attemptId, JobSettings settings, Clock clock,
                   BooleanSupplier stopping) {
        this.stopping = stopping;
        this.videos = videos;
        this.videoId = videoId;
        this.attemptId = attemptId;
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
        // the claim has just written 0 %: it counts as this interval's write (a progress write within the
        // same millisecond was once seen out of order by an emulator listener)
        this.lastWrite = started;
        this.leaseConfirmedUntil = started.plus(settings.lease());
    }

    @Override
    public synchronized void onProgress(String stage, int percent) {
        if (stopping.getAsBoolean()) {
            throw new AttemptCancelled("the analysis service is stopping");
        }
        Instant now = clock.instant();
        int bounded = Math.max(0, Math.min(99, percent));
        Duration sinceWrite = Duration.between(lastWrite, now);
        boolean advanced = bounded > lastPercent && sinceWrite.compareTo(settings.progressInterval()) >= 0;
        // A stage may sit at one percent for long (speech on a long talk): renew the lease before it runs out.
        boolean heartbeat = lastPercent >= 0 && sinceWrite.compareTo(settings.lease().dividedBy(3)) >= 0;
        if (!advanced && !heartbeat) {
            return;
        }
        if (advanced) {
            lastPercent = bounded;
            lastStage = stage;
        }
        if (now.isBefore(quietUntil)) {
            stopIfLeaseRunsOut(now, "the video store did not answer");
            return;
        }
        lastWrite = now;
        Progress progress = new Progress(lastStage, lastPercent, eta(now, lastPercent));
        boolean current;
        try {
            current = videos.apply(videoId, v -> VideoLifecycle.progress(v, attemptId, progress, now, settings.lease()))
                    .filter(Transition::moved).isPresent();
        } catch (CoherenceException e) {
            if (e.code() != ErrorCode.UNAVAILABLE) {
                throw e;
            }
            writeFailed(now, e);
            return;
        }
        leaseConfirmedUntil = now.plus(settings.lease());
        quietUntil = Instant.MIN;
        if (!current) {
            throw new AttemptCancelled("video " + videoId + " was deleted or taken over by another attempt");
        }
    }

    /**
     * Progress is only shown to the user, so a failed write does not stop the analysis; but once the
     * lease it last renewed has run out, another delivery may take the video over, so this attempt
     * stops and is retried (its lease given back when the store answers again).
     */
    private void writeFailed(Instant now, CoherenceException e) {
        stopIfLeaseRunsOut(now, e.getMessage());
        // each failed write may have waited a whole deadline: leave the store alone for a while
        quietUntil = now.plus(settings.lease().dividedBy(9));
        LOG.warn("progress of video {} not written ({}); the analysis goes on", videoId, e.getMessage());
    }

    private void stopIfLeaseRunsOut(Instant now, String why) {
        // a sixth of the lease to spare: the last failed write may itself have waited a whole deadline
        if (!now.isBefore(leaseConfirmedUntil.minus(settings.lease().dividedBy(6)))) {
            throw new LeaseLost("progress of video " + videoId + " could not be written before its lease ran out: " + why);
        }
    }

    private Integer eta(Instant now, int percent) {
        if (percent < 5) {
            return null;
        }
        long elapsedMs = Duration.between(started, now).toMillis();
        return (int) Math.round(elapsedMs * (100.0 - percent) / percent / 1000.0);
    }

    /** Thrown into the analyzer when the attempt's lease ran out unrenewed: retried as our fault. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String message) {
            super(message);
        }
    }

    /** Thrown into the analyzer to stop an attempt whose video no longer wants it. */
    static final class AttemptCancelled extends RuntimeException {
        AttemptCancelled(String message) {
            super(message);
        }
    }
}
