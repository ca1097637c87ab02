package app.coherence.core.video;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Port: the status documents of videos ({@code videos/{videoId}}). */
public interface VideoStore {

    /** Stores a new video; fails if the id exists. */
    void create(Video video);

    Optional<Video> find(String videoId);

    /**
     * The video as its owner sees it: everything but the attempt bookkeeping (attempt id and lease,
     * absent here), which a store keeping it beside the video need not read. The API's reads use it.
     */
    default Optional<Video> findForOwner(String videoId) {
        return find(videoId);
    }

    /**
     * Atomically reads, changes and writes one video (a transaction in Firestore). {@code change}
     * may run more than once on contention; returning the same instance writes nothing.
     * Returns the video as stored afterwards, or empty if it does not exist.
     */
    Optional<Video> update(String videoId, UnaryOperator<Video> change);

    /**
     * Applies one {@link VideoLifecycle} step atomically (a transaction in Firestore): reads the video,
     * lets {@code step} decide, stores the next video when it moved and, when the step says
     * {@link Effect#RETURN_QUOTA_SLOT}, gives the video's quota slot back in the same transaction (at most
     * once per video). {@code step} may run more than once on contention. Returns the transition of the
     * run that was stored, or empty if the video does not exist.
     */
    Optional<Transition> apply(String videoId, Function<Video, Transition> step);

    /** Videos still queued or processing and not deleted: re-dispatched after a restart. */
    List<Video> findUnfinished();

    /**
     * Reservations still awaiting upload whose expiry is before {@code now}, soft-deleted ones included
     * (the sweep gives their quota slots back too).
     */
    List<Video> findExpiredReservations(Instant now);
}
