package app.coherence.core.history;

import app.coherence.core.upload.BlobStore;
import app.coherence.core.video.Video;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The scheduled cleanup: removes the uploaded file and thumbnail of videos soft-deleted more than a
 * grace period ago, then their documents. Safe to run concurrently or repeatedly: every step is idempotent.
 */
public class DeletedVideoCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(DeletedVideoCleanup.class);
    private static final int BATCH = 100;
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    private final DeletedVideos deleted;
    private final BlobStore blobs;
    private final Clock clock;

    public DeletedVideoCleanup(DeletedVideos deleted, BlobStore blobs, Clock clock) {
        this.deleted = deleted;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Purges every video deleted more than {@code grace} ago; returns how many were purged. */
    public int run(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        Instant cutoff = clock.instant().minus(grace);
        int purged = 0;
        while (true) {
            List<Video> batch = deleted.deletedBefore(cutoff, BATCH);
            int failed = 0;
            for (Video v : batch) {
                if (purge(v)) {
                    purged++;
                } else {
                    failed++;
                }
            }
            // Stop when the batch was the last, or when nothing in it could be purged (retry next run).
            if (batch.size() < BATCH || failed == batch.size()) {
                break;
            }
        }
        LOG.info("cleanup purged {} deleted videos older than {}", purged, grace);
        return purged;
    }

    private boolean purge(Video v) {
        try (var ignored = MDC.putCloseable("videoId", v.videoId()); var ignored2 = MDC.putCloseable("userId", v.userId())) {
            try {
                if (v.storagePath() != null) {
                    blobs.delete(v.storagePath());
                }
                if (v.thumbnailPath() != null) {
                    blobs.delete(v.thumbnailPath());
                }
                deleted.purge(v.videoId());
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not purge deleted video: {}", e.getMessage());
                return false;
            }
        }
    }
}
