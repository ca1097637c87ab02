package app.coherence.core.history;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.SignedUrl;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoTitle;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A user's own videos: the status document, the listing, the full result, playback, rename and
 * soft delete. Another user's video, a deleted one and a malformed id all answer 404 alike, so ids
 * reveal nothing.
 */
public class HistoryService {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryService.class);
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    public static final int MAX_TITLE_LENGTH = VideoTitle.MAX_LENGTH;

    private final VideoStore videos;
    private final VideoListing listing;
    private final AnalysisStore analyses;
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration urlTtl;
    private final ThumbnailUrls thumbnails;

    public HistoryService(VideoStore videos, VideoListing listing, AnalysisStore analyses, BlobStore blobs,
                          Clock clock, Duration urlTtl) {
        this.videos = videos;
        this.listing = listing;
        this.analyses = analyses;
        this.blobs = blobs;
        this.clock = clock;
        this.urlTtl = urlTtl;
        this.thumbnails = new ThumbnailUrls(blobs, clock, urlTtl);
    }

    /** The caller's status document. */
    public VideoView get(String userId, String videoId) {
        Video v = own(userId, videoId);
        return VideoView.of(v, thumbnails.urlFor(v.thumbnailPath()));
    }

    /** One page of the caller's history. */
    public VideoPage list(String userId, ListRequest request) {
        VideoListQuery query = request.toQuery(userId);
        // One extra row tells whether another page exists without a second query.
        List<Video> rows = listing.list(new VideoListQuery(query.userId(), query.sort(), query.order(), query.status(),
                query.after(), query.limit() + 1));
        boolean more = rows.size() > query.limit();
        List<Video> page = more ? rows.subList(0, query.limit()) : rows;
        List<VideoSummary> items = new ArrayList<>(page.size());
        for (Video v : page) {
            items.add(VideoSummary.of(v, thumbnails.urlFor(v.thumbnailPath())));
        }
        String next = null;
        if (more) {
            Video last = page.get(page.size() - 1);
            next = PageCursor.encode(query.sort(), query.order(), query.status(), positionOf(last, query.sort()));
        }
        return new VideoPage(items, next);
    }

    /** The full result of a completed analysis; 409 ANALYSIS_NOT_READY before that. */
    public AnalysisResult analysis(String userId, String videoId) {
        Video v = own(userId, videoId);
        if (v.status() != VideoStatus.COMPLETED) {
            throw notReady(v);
        }
        return analyses.find(videoId).orElseThrow(() -> notReady(v));
    }

    /** A signed, expiring URL to stream (and seek in) the uploaded video. */
    public PlaybackUrl playback(String userId, String videoId) {
        Video v = own(userId, videoId);
        if (v.status() == VideoStatus.AWAITING_UPLOAD) {
            throw new CoherenceException(ErrorCode.CONFLICT, "the video has not been uploaded yet",
                    Map.of("status", v.status().wireName()));
        }
        SignedUrl signed = blobs.signDownload(v.storagePath(), urlTtl);
        return new PlaybackUrl(signed.url(), signed.expiresAt());
    }

    /** Renames a video; the title is trimmed, 1-200 characters. */
    public VideoView rename(String userId, String videoId, String title) {
        String clean = validTitle(title);
        own(userId, videoId);
        Video updated = videos.update(videoId, v -> v.isDeleted() || clean.equals(v.title()) ? v : v.withTitle(clean, clock.instant()))
                .filter(v -> !v.isDeleted())
                .orElseThrow(() -> CoherenceException.notFound("video"));
        return VideoView.of(updated, thumbnails.urlFor(updated.thumbnailPath()));
    }

    /**
     * Soft-deletes a video (sets deletedAt; the stored file goes after a grace period). Deleting twice
     * is fine. A video being analysed stops: the analysis' next progress write sees the deletion. An
     * upload that never arrived gives its quota slot back at once.
     */
    public void delete(String userId, String videoId) {
        Video v = find(userId, videoId).orElseThrow(() -> CoherenceException.notFound("video"));
        if (v.isDeleted()) {
            return;
        }
        videos.apply(videoId, current -> VideoLifecycle.delete(current, clock.instant()));
        try (var ignored = MDC.putCloseable("videoId", videoId); var ignored2 = MDC.putCloseable("userId", userId)) {
            LOG.info("video deleted (was {})", v.status().wireName());
        }
    }

    /** Validates a title as PATCH and uploads accept it ({@link VideoTitle}). */
    public static String validTitle(String title) {
        return VideoTitle.required(title);
    }

    private Video own(String userId, String videoId) {
        return find(userId, videoId).filter(v -> !v.isDeleted())
                .orElseThrow(() -> CoherenceException.notFound("video"));
    }

    private Optional<Video> find(String userId, String videoId) {
        if (videoId == null || !VIDEO_ID.matcher(videoId).matches()) {
            return Optional.empty();
        }
        return videos.findForOwner(videoId).filter(v -> v.userId().equals(userId));
    }

    private static CoherenceException notReady(Video v) {
        return new CoherenceException(ErrorCode.ANALYSIS_NOT_READY,
                "the analysis is not ready (status " + v.status().wireName() + ")", Map.of("status", v.status().wireName()));
    }

    static ListPosition positionOf(Video v, VideoSort sort) {
        Object value = switch (sort) {
            case CREATED_AT -> v.createdAt().toString();
            case COHERENCE_SCORE -> v.coherenceScore();
            case TITLE -> v.title();
        };
        return new ListPosition(value, v.videoId());
    }
}
