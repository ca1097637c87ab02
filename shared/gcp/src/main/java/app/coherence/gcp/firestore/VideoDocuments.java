package app.coherence.gcp.firestore;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Progress;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Firestore shape of {@code videos/{videoId}}: instants as native timestamps (so rules and
 * queries compare them), status in its wire form, progress and error as maps, absent values omitted.
 * The current attempt's bookkeeping ({@code attemptId}, {@code leaseUntil}) lives beside it in
 * {@code videoAttempts/{videoId}}: clients listen to the video, and a lease renewal is no news to them.
 */
public final class VideoDocuments {
    /** Where each video's current attempt is kept (no client reads it). */
    public static final String ATTEMPTS = "videoAttempts";

    private VideoDocuments() {
    }

    public static Map<String, Object> toDocument(Video v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("videoId", v.videoId());
        doc.put("userId", v.userId());
        put(doc, "title", v.title());
        put(doc, "storagePath", v.storagePath());
        put(doc, "contentType", v.contentType());
        doc.put("sizeBytes", v.sizeBytes());
        put(doc, "durationSeconds", v.durationSeconds());
        doc.put("status", v.status().wireName());
        if (v.progress() != null) {
            Map<String, Object> progress = new HashMap<>();
            progress.put("stage", v.progress().stage());
            progress.put("percent", v.progress().percent());
            put(progress, "etaSeconds", v.progress().etaSeconds());
            doc.put("progress", progress);
        }
        doc.put("attempts", v.attempts());
        if (v.error() != null) {
            doc.put("error", Map.of("code", v.error().code().name(), "message", v.error().message()));
        }
        // Written even when null: the history listing orders by it, and Firestore leaves documents
        // without an ordered field out of such a query (unscored videos would vanish from the list).
        doc.put("coherenceScore", v.coherenceScore());
        // The enum name for code, its label beside it for the clients that listen to this document.
        put(doc, "scoreTier", v.scoreTier() == null ? null : v.scoreTier().name());
        put(doc, "scoreTierLabel", ScoreTier.labelOf(v.scoreTier()));
        put(doc, "thumbnailPath", v.thumbnailPath());
        put(doc, "reservationExpiresAt", timestamp(v.reservationExpiresAt()));
        put(doc, "createdAt", timestamp(v.createdAt()));
        put(doc, "updatedAt", timestamp(v.updatedAt()));
        put(doc, "deletedAt", timestamp(v.deletedAt()));
        return doc;
    }

    /** {@code videoAttempts/{videoId}}, or null when the video holds no attempt. */
    public static Map<String, Object> toAttemptDocument(Video v) {
        if (v.attemptId() == null && v.leaseUntil() == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("userId", v.userId()); // account deletion finds it by owner
        put(doc, "attemptId", v.attemptId());
        put(doc, "leaseUntil", timestamp(v.leaseUntil()));
        return doc;
    }

    /** The video as stored, without its attempt (listings, reservations: none needs it). */
    public static Video fromDocument(DocumentSnapshot d) {
        return fromDocuments(d, null);
    }

    /**
     * The video as stored, with its attempt from {@code attempt} (null or missing: none). The fields are read
     * from one map: {@code DocumentSnapshot.get(String)} parses its field path with a regular expression on
     * every call, about 400 times for a page of the history.
     */
    public static Video fromDocuments(DocumentSnapshot d, DocumentSnapshot attempt) {
        boolean held = attempt != null && attempt.exists();
        Map<String, Object> f = d.getData();
        if (f == null) {
            throw new IllegalArgumentException("video " + d.getId() + " does not exist");
        }
        Map<?, ?> progress = (Map<?, ?>) f.get("progress");
        Map<?, ?> error = (Map<?, ?>) f.get("error");
        Number score = (Number) f.get("coherenceScore");
        Number duration = (Number) f.get("durationSeconds");
        return new Video(
                d.getId(),
                (String) f.get("userId"),
                (String) f.get("title"),
                (String) f.get("storagePath"),
                (String) f.get("contentType"),
                longOr(f.get("sizeBytes")),
                duration == null ? null : duration.doubleValue(),
                VideoStatus.fromWire((String) f.get("status")),
                progress == null ? null : new Progress((String) progress.get("stage"),
                        ((Number) progress.get("percent")).intValue(),
                        progress.get("etaSeconds") == null ? null : ((Number) progress.get("etaSeconds")).intValue()),
                (int) longOr(f.get("attempts")),
                error == null ? null : new VideoError(ErrorCode.valueOf((String) error.get("code")), (String) error.get("message")),
                score == null ? null : score.intValue(),
                ScoreTier.fromStored((String) f.get("scoreTier")),
                (String) f.get("thumbnailPath"),
                held ? attempt.getString("attemptId") : null,
                held ? instant(attempt.getTimestamp("leaseUntil")) : null,
                instant((Timestamp) f.get("reservationExpiresAt")),
                instant((Timestamp) f.get("createdAt")),
                instant((Timestamp) f.get("updatedAt")),
                instant((Timestamp) f.get("deletedAt")));
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static long longOr(Object stored) {
        return stored == null ? 0 : ((Number) stored).longValue();
    }

    private static void put(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.put(key, value);
        }
    }
}
