package app.coherence.core.quota;

import app.coherence.core.video.Transition;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Expires reservations never uploaded: each becomes failed RESERVATION_EXPIRED and gives its quota
 * slot back. Run periodically (a timer in local/, Cloud Scheduler → POST /tasks/sweep in GCP); safe
 * to run twice at once: each expiry is a transaction, and a slot goes back at most once per video.
 */
public class ReservationSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);

    private final VideoStore videos;
    private final Clock clock;

    public ReservationSweeper(VideoStore videos, Clock clock) {
        this.videos = videos;
        this.clock = clock;
    }

    /** Expires every overdue reservation; returns how many this run expired. */
    public int sweep() {
        Instant now = clock.instant();
        int expired = 0;
        for (Video video : videos.findExpiredReservations(now)) {
            try (var ignored = MDC.putCloseable("videoId", video.videoId());
                 var ignored2 = MDC.putCloseable("userId", video.userId())) {
                if (videos.apply(video.videoId(), v -> VideoLifecycle.expire(v, now)).filter(Transition::moved).isPresent()) {
                    expired++;
                    LOG.info("reservation expired; slot returned");
                }
            } catch (RuntimeException e) {
                // One bad document must not stop the sweep of the others; the next run retries it.
                LOG.warn("could not expire reservation: {}", e.getMessage());
            }
        }
        return expired;
    }
}
