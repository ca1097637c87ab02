package app.coherence.core.testing;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.Usage;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.user.Plan;
import app.coherence.core.video.Effect;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Test fixture: the video documents, reservations and usage of the Firestore adapters, held in memory
 * with the same rules (one lock stands in for a transaction), so the core's services test in milliseconds.
 */
public class InMemoryVideos implements VideoStore, UploadLedger, UsageStore {
    private final Map<String, Video> videos = new LinkedHashMap<>();
    private final Map<String, Usage> usage = new HashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final QuotaPolicy policy;

    public InMemoryVideos(QuotaPolicy policy) {
        this.policy = policy;
    }

    /** Gives {@code userId} a plan (every user is on the free plan otherwise). */
    public synchronized void plan(String userId, Plan plan) {
        plans.put(userId, plan);
    }

    @Override
    public synchronized void create(Video video) {
        if (videos.putIfAbsent(video.videoId(), video) != null) {
            throw new CoherenceException(ErrorCode.CONFLICT, "video " + video.videoId() + " already exists");
        }
    }

    @Override
    public synchronized Optional<Video> find(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    @Override
    public synchronized Optional<Video> update(String videoId, UnaryOperator<Video> change) {
        Video current = videos.get(videoId);
        if (current == null) {
            return Optional.empty();
        }
        Video next = change.apply(current);
        videos.put(videoId, next);
        return Optional.of(next);
    }

    @Override
    public synchronized Optional<Transition> apply(String videoId, Function<Video, Transition> step) {
        Video current = videos.get(videoId);
        if (current == null) {
            return Optional.empty();
        }
        Transition transition = step.apply(current);
        if (transition.moved()) {
            videos.put(videoId, transition.video());
        }
        if (transition.has(Effect.RETURN_QUOTA_SLOT)) {
            giveBack(transition.video());
        }
        return Optional.of(transition);
    }

    @Override
    public synchronized List<Video> findUnfinished() {
        return videos.values().stream()
                .filter(v -> (v.status() == VideoStatus.QUEUED || v.status() == VideoStatus.PROCESSING) && !v.isDeleted())
                .toList();
    }

    @Override
    public synchronized List<Video> findExpiredReservations(Instant now) {
        return videos.values().stream()
                .filter(v -> v.status() == VideoStatus.AWAITING_UPLOAD && v.reservationExpiresAt() != null
                        && v.reservationExpiresAt().isBefore(now))
                .toList();
    }

    @Override
    public synchronized void reserve(Video video) {
        YearMonth month = Usage.monthOf(video.createdAt());
        Usage used = find(video.userId(), month);
        policy.check(plans.getOrDefault(video.userId(), Plan.FREE), used, video.createdAt()).enforce();
        create(video);
        usage.put(used.documentId(), used.withReservation(Usage.dayOf(video.createdAt())));
    }

    @Override
    public synchronized void release(Video video) {
        if (videos.containsKey(video.videoId())) {
            giveBack(video);
        }
    }

    @Override
    public synchronized Usage find(String userId, YearMonth month) {
        return usage.getOrDefault(Usage.documentId(userId, month), Usage.none(userId, month));
    }

    /** Every video stored, in creation order. */
    public synchronized List<Video> all() {
        return new ArrayList<>(videos.values());
    }

    private void giveBack(Video video) {
        if (!released.add(video.videoId())) {
            return; // once per video
        }
        YearMonth month = Usage.monthOf(video.createdAt());
        Usage used = find(video.userId(), month);
        usage.put(used.documentId(), used.withRelease());
    }
}
