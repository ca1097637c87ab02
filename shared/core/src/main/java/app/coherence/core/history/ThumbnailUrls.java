package app.coherence.core.history;

import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.SignedUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed GET URLs for thumbnails, reused while they have at least half their lifetime left: a listing
 * signs up to 100 of them, and signing can cost a remote call (Cloud Storage without a local key).
 */
final class ThumbnailUrls {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailUrls.class);
    private static final int MAX_CACHED = 10_000;

    private final BlobStore blobs;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, SignedUrl> cache = new ConcurrentHashMap<>();

    ThumbnailUrls(BlobStore blobs, Clock clock, Duration ttl) {
        this.blobs = blobs;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The URL for a thumbnail path, or null when the video has no thumbnail. */
    String urlFor(String path) {
        if (path == null) {
            return null;
        }
        Instant freshUntil = clock.instant().plus(ttl.dividedBy(2));
        SignedUrl cached = cache.get(path);
        if (cached != null && cached.expiresAt().isAfter(freshUntil)) {
            return cached.url();
        }
        SignedUrl signed;
        try {
            signed = blobs.signDownload(path, ttl);
        } catch (RuntimeException e) {
            // A thumbnail is a nicety: a video whose thumbnail cannot be signed is still listed, without one.
            LOG.warn("could not sign thumbnail {}: {}", path, e.getMessage());
            return null;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(path, signed);
        return signed.url();
    }
}
