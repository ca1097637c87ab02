package app.coherence.gcp.firestore;

import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.Map;

/**
 * Reads a {@code videos/{id}} document into a {@link Video} for the history queries, tolerating
 * fields that are absent or null (older documents, documents written before a field existed).
 */
final class VideoFields {

    private VideoFields() {
    }

    static Video read(DocumentSnapshot d) {
        return new Video(d.getId(), d.getString("userId"), d.getString("title"), d.getString("storagePath"),
                d.getString("contentType"), longOr(d.get("sizeBytes"), 0), doubleOrNull(d.get("durationSeconds")),
                VideoStatus.fromWire(d.getString("status")), progress(d.get("progress")), (int) longOr(d.get("attempts"), 0),
                error(d.get("error")), intOrNull(d.get("coherenceScore")), d.getString("scoreTier"),
                d.getString("thumbnailPath"), d.getString("attemptId"), instant(d.get("leaseUntil")),
                instant(d.get("reservationExpiresAt")), instant(d.get("createdAt")), instant(d.get("updatedAt")),
                instant(d.get("deletedAt")));
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toSqlTimestamp().toInstant();
        }
        if (value instanceof String s) {
            return Instant.parse(s);
        }
        return null;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    private static Progress progress(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.get("stage") == null) {
            return null;
        }
        return new Progress((String) m.get("stage"), (int) longOr(m.get("percent"), 0), intOrNull(m.get("etaSeconds")));
    }

    private static VideoError error(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.get("code") == null) {
            return null;
        }
        return new VideoError((String) m.get("code"), (String) m.get("message"));
    }

    private static long longOr(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }

    static Integer intOrNull(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Double doubleOrNull(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
