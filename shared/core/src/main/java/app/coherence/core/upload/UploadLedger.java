package app.coherence.core.upload;

import app.coherence.core.video.Video;

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

    /**
     * Gives back the slot a stored video took, once per video, outside a lifecycle step (the steps give
     * slots back through {@link app.coherence.core.video.VideoStore#apply}, atomically with the video).
     */
    void release(Video video);
}
