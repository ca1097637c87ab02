package app.coherence.core.upload;

import app.coherence.core.job.TaskQueue;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
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
    /** The error code the ledger gives a reservation that was never uploaded in time. */
    static final String RESERVATION_EXPIRED = "RESERVATION_EXPIRED";

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
        Video video = Video.reserved(videoId, user.uid(), title, path, request.contentType(), request.sizeBytes(), now, expiresAt);
        ledger.reserve(video);
        try (var ignored = MDC.putCloseable("videoId", videoId); var ignored2 = MDC.putCloseable("userId", user.uid())) {
            LOG.info("upload reserved");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", request.contentType());
        headers.putAll(url.headers()); // whatever the store signed wins
        return new UploadReservation(videoId, url.url(), url.expiresAt(), headers);
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
            Video video = found.get();
            if (video.isDeleted()) {
                LOG.info("upload for a deleted video ignored");
                return FinalizeOutcome.IGNORED;
            }
            if (video.status() == VideoStatus.QUEUED) {
                // A duplicate event, or a retry after the enqueue failed: the task name makes this harmless.
                boolean enqueued = tasks.enqueueAnalysis(video.videoId());
                LOG.info("duplicate finalize event; task {}", enqueued ? "enqueued again" : "already exists");
                return FinalizeOutcome.DUPLICATE;
            }
            if (video.status() == VideoStatus.FAILED && video.attempts() == 0 && video.error() != null
                    && RESERVATION_EXPIRED.equals(video.error().code())) {
                // The upload finished after its reservation expired (and gave its slot back): it will never run.
                LOG.warn("upload arrived after its reservation expired; deleting it");
                deleteQuietly(upload.path());
                return FinalizeOutcome.REJECTED;
            }
            if (video.status() != VideoStatus.AWAITING_UPLOAD) {
                LOG.info("duplicate finalize event for a video already {}", video.status().wireName());
                return FinalizeOutcome.DUPLICATE;
            }
            Optional<VideoError> problem = checkAgainstReservation(video, upload);
            if (problem.isPresent()) {
                videos.update(video.videoId(), v -> v.status() == VideoStatus.AWAITING_UPLOAD
                        ? v.withFailure(problem.get(), clock.instant()) : v);
                LOG.warn("upload rejected: {}", problem.get().message());
                deleteQuietly(upload.path()); // the bytes will never be analysed: keep no orphan
                return FinalizeOutcome.REJECTED;
            }
            videos.update(video.videoId(), v -> v.status() == VideoStatus.AWAITING_UPLOAD
                    ? v.withUploadedSize(upload.sizeBytes(), clock.instant()).withStatus(VideoStatus.QUEUED, clock.instant())
                    : v);
            tasks.enqueueAnalysis(video.videoId());
            LOG.info("video queued for analysis");
            return FinalizeOutcome.QUEUED;
        }
    }

    private Optional<VideoError> checkAgainstReservation(Video video, FinalizedUpload upload) {
        if (upload.sizeBytes() > video.sizeBytes()) {
            return Optional.of(new VideoError("PAYLOAD_TOO_LARGE",
                    "uploaded " + upload.sizeBytes() + " bytes but reserved " + video.sizeBytes()));
        }
        if (upload.sizeBytes() == 0) {
            return Optional.of(new VideoError("INVALID_MEDIA", "the uploaded file is empty"));
        }
        if (upload.contentType() != null && !upload.contentType().isBlank()
                && !upload.contentType().equalsIgnoreCase(video.contentType())) {
            return Optional.of(new VideoError("INVALID_MEDIA",
                    "uploaded content type " + upload.contentType() + " differs from the reserved " + video.contentType()));
        }
        return Optional.empty();
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
