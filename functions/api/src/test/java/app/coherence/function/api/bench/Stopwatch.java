package app.coherence.function.api.bench;

import app.coherence.core.history.VideoListing;
import app.coherence.core.user.Identity;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where one request's time goes inside the function: the benchmark wraps the token check and the
 * Firestore ports in these, and each request thread adds up its own nanoseconds.
 */
final class Stopwatch {
    /** [0] token check, [1] Firestore, per request thread. */
    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[2]);

    private Stopwatch() {
    }

    static void reset() {
        long[] spent = SPENT.get();
        spent[0] = 0;
        spent[1] = 0;
    }

    static long tokenNanos() {
        return SPENT.get()[0];
    }

    static long firestoreNanos() {
        return SPENT.get()[1];
    }

    private static <T> T time(int slot, Supplier<T> work) {
        long t = System.nanoTime();
        try {
            return work.get();
        } finally {
            SPENT.get()[slot] += System.nanoTime() - t;
        }
    }

    static Identity identity(Identity inner) {
        return token -> time(0, () -> inner.verify(token));
    }

    static VideoListing listing(VideoListing inner) {
        return query -> time(1, () -> inner.list(query));
    }

    static VideoStore videos(VideoStore inner) {
        return new VideoStore() {
            @Override
            public void create(Video video) {
                time(1, () -> {
                    inner.create(video);
                    return null;
                });
            }

            @Override
            public Optional<Video> findForOwner(String videoId) {
                return time(1, () -> inner.findForOwner(videoId));
            }

            @Override
            public Optional<Video> find(String videoId) {
                return time(1, () -> inner.find(videoId));
            }

            @Override
            public Optional<Video> update(String videoId, UnaryOperator<Video> change) {
                return time(1, () -> inner.update(videoId, change));
            }

            @Override
            public Optional<Transition> apply(String videoId, Function<Video, Transition> step) {
                return time(1, () -> inner.apply(videoId, step));
            }

            @Override
            public List<Video> findUnfinished() {
                return time(1, inner::findUnfinished);
            }

            @Override
            public List<Video> findExpiredReservations(Instant now) {
                return time(1, () -> inner.findExpiredReservations(now));
            }
        };
    }
}
