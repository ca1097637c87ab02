package app.coherence.gcp.firestore;

import app.coherence.core.quota.Usage;
import app.coherence.core.video.Video;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Firestore shape of {@code usage/{uid}_{yyyy-MM}}: userId, month, analyses, uploadsByDay
 * ({@code yyyy-MM-dd → count}) and released ({@code videoId → true}: slots already given back, so a
 * release happens at most once per video).
 */
final class UsageDocuments {
    static final String COLLECTION = "usage";

    private UsageDocuments() {
    }

    static Usage usage(String userId, YearMonth month, DocumentSnapshot doc) {
        if (!doc.exists()) {
            return Usage.none(userId, month);
        }
        Long analyses = doc.getLong("analyses");
        Map<String, Integer> days = new TreeMap<>();
        Object stored = doc.get("uploadsByDay");
        if (stored instanceof Map<?, ?> map) {
            map.forEach((day, count) -> days.put(String.valueOf(day), ((Number) count).intValue()));
        }
        return new Usage(userId, month, analyses == null ? 0 : analyses.intValue(), days);
    }

    static Map<String, Boolean> released(DocumentSnapshot doc) {
        Map<String, Boolean> released = new TreeMap<>();
        if (doc.exists() && doc.get("released") instanceof Map<?, ?> map) {
            map.forEach((id, flag) -> released.put(String.valueOf(id), Boolean.TRUE.equals(flag)));
        }
        return released;
    }

    static Map<String, Object> document(Usage usage, Map<String, Boolean> released) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("userId", usage.userId());
        doc.put("month", usage.month().toString());
        doc.put("analyses", usage.analyses());
        doc.put("uploadsByDay", new TreeMap<>(usage.uploadsByDay()));
        doc.put("released", released);
        return doc;
    }

    /** The usage document of the month {@code video} was reserved in. */
    static DocumentReference usageOf(Firestore db, Video video) {
        return db.collection(COLLECTION).document(Usage.documentId(video.userId(), Usage.monthOf(video.createdAt())));
    }

    /**
     * Writes the give-back of {@code video}'s slot into {@code tx}, unless it was given back before
     * (exactly once per video). {@code usageDoc} must have been read in the same transaction.
     */
    static boolean writeRelease(Transaction tx, Video video, DocumentReference usageRef, DocumentSnapshot usageDoc) {
        Map<String, Boolean> released = released(usageDoc);
        if (released.containsKey(video.videoId())) {
            return false;
        }
        released.put(video.videoId(), true);
        Usage usage = usage(video.userId(), Usage.monthOf(video.createdAt()), usageDoc).withRelease();
        tx.set(usageRef, document(usage, released));
        return true;
    }
}
