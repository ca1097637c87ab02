package app.coherence.core.upload;

import app.coherence.core.video.Video;
import java.time.Instant;

/**
 * Port: reservations and the quota slots they take. The Firestore adapter writes the video and the
 * user's usage in one transaction, so concurrent reservations can never exceed a limit.
 */
public interface UploadLedger {

    /**
     * Creates the reserved video, taking a quota slot in the same transaction.
     *
     * @throws app.coherence.core.error.CoherenceException QUOTA_EXCEEDED when no slot is left (nothing written)
     */
    void reserve(Video video);

    /** Gives back the slot a video took (expired reservation, a failure of ours); idempotent per video. */
    void release(Video video);

    /**
     * Fails a reservation still awaiting upload whose expiry is before {@code now} (error
     * RESERVATION_EXPIRED) and gives its slot back, atomically. Returns false when the video is
     * missing, not awaiting upload, or not yet expired (nothing written).
     */
    boolean expire(String videoId, Instant now);
}
