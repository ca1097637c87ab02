package app.coherence.core.upload;

import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.Effect;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Verdict;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Reserves uploads and accepts finished ones: the first two steps of every video's life. */
public class UploadService {
    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

    private final UploadRules rules;
    private final UploadLedger ledger;
    private final VideoStore videos;
    private final BlobStore blobs;
    private final TaskQueue tasks;
    private final Clock clock;

    public UploadService(UploadRules rules, UploadLedger ledger, VideoStore videos, BlobStore blobs,
                         TaskQueue tasks, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.videos = videos;
        this.blobs = blobs;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Validates the request, takes a quota slot and returns where to PUT the file. */
    public UploadReservation reserve(AuthenticatedUser user, UploadRequest request) {
        String title = rules.validate(request);
        String videoId = newVideoId();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(rules.reservationTtl());
        String path = UploadRules.storagePath(user.uid(), videoId);
        SignedUrl url = blobs.signUpload(path, request.contentType(), request.sizeBytes(), rules.reservationTtl());
        Video video = VideoLifecycle.reserve(videoId, user.uid(), title, path, request.contentType(), request.sizeBytes(), now, expiresAt);
        ledger.reserve(video);
        try (var ignored = MDC.putCloseable("videoId", videoId); var ignored2 = MDC.putCloseable("userId", user.uid())) {
            LOG.info("upload reserved");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", request.contentType());
        headers.putAll(url.headers()); // whatever the store signed wins
        Optional<SignedUrl> resumable = blobs.signResumableUpload(path, request.contentType(), request.sizeBytes(),
                rules.reservationTtl());
        return new UploadReservation(videoId, url.url(), url.expiresAt(), headers,
                resumable.map(SignedUrl::url).orElse(null), resumable.map(SignedUrl::headers).orElse(Map.of()));
    }

    /**
     * Handles a storage "object finalized" event: checks the upload against its reservation,
     * queues the video and enqueues its analysis. Safe to call more than once for one object.
     */
    public FinalizeOutcome acceptFinalized(FinalizedUpload upload) {
        Optional<UploadPath> parsed = UploadPath.parse(upload.path());
        if (parsed.isEmpty()) {
            LOG.info("ignored object outside uploads/: {}", upload.path());
            return FinalizeOutcome.IGNORED;
        }
        UploadPath path = parsed.get();
        try (var ignored = MDC.putCloseable("videoId", path.videoId()); var ignored2 = MDC.putCloseable("userId", path.userId())) {
            Optional<Video> found = videos.find(path.videoId());
            if (found.isEmpty() || !found.get().userId().equals(path.userId())) {
                LOG.warn("upload has no reservation of this user; deleting the orphan object");
                deleteQuietly(upload.path());
                return FinalizeOutcome.NO_RESERVATION;
            }
            Transition step = videos.apply(path.videoId(),
                    v -> VideoLifecycle.acceptUpload(v, upload.sizeBytes(), upload.contentType(), clock.instant()))
                    .orElseThrow(() -> new IllegalStateException("video " + path.videoId() + " vanished"));
            if (step.has(Effect.DELETE_UPLOADED_FILE)) {
                deleteQuietly(upload.path()); // the bytes will never be analysed: keep no orphan
            }
            if (step.has(Effect.ENQUEUE_ANALYSIS)) {
                boolean enqueued = tasks.enqueueAnalysis(path.videoId());
                if (!enqueued && step.verdict() == Verdict.MOVED) {
                    // freshly queued, yet its first task name is used: the store lost the state that task
                    // made (a restore from an older copy), so this is a dispatch made again
                    enqueued = tasks.enqueueAnalysisAgain(path.videoId(), step.video().updatedAt());
                    LOG.warn("upload accepted again after its first task was used; task {}", enqueued ? "enqueued again" : "exists already");
                }
                if (step.verdict() == Verdict.UNCHANGED) {
                    LOG.info("duplicate finalize event; task {}", enqueued ? "enqueued again" : "already exists");
                }
            }
            return switch (step.verdict()) {
                case MOVED -> {
                    LOG.info("video queued for analysis");
                    yield FinalizeOutcome.QUEUED;
                }
                case REJECTED -> {
                    LOG.warn("upload rejected: {}; slot returned", step.video().error().message());
                    yield FinalizeOutcome.REJECTED;
                }
                case TOO_LATE -> {
                    LOG.warn("upload arrived after its reservation expired; deleted");
                    yield FinalizeOutcome.REJECTED;
                }
                case IGNORED -> {
                    LOG.info("upload for a deleted video ignored");
                    yield FinalizeOutcome.IGNORED;
                }
                default -> {
                    LOG.info("duplicate finalize event for a video already {}", step.video().status().wireName());
                    yield FinalizeOutcome.DUPLICATE;
                }
            };
        }
    }

    private void deleteQuietly(String path) {
        try {
            blobs.delete(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete {}: {}", path, e.getMessage());
        }
    }

    private static String newVideoId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** What happened to a finalize event. */
    public enum FinalizeOutcome { QUEUED, DUPLICATE, REJECTED, NO_RESERVATION, IGNORED }

}
