package app.coherence.gcp.firestore;

import app.coherence.core.profile.FailureNotice;
import app.coherence.core.profile.Notifications;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.util.HashMap;
import java.util.Map;

/**
 * Failure notices in {@code notifications/{id}} ({userId, videoId, type, errorCode, message, createdAt, read}),
 * which the owner's client can read under the security rules. Created once per id.
 */
public class FirestoreNotifications implements Notifications {
    static final String COLLECTION = "notifications";

    private final Firestore db;

    public FirestoreNotifications(Firestore db) {
        this.db = db;
    }

    @Override
    public boolean add(FailureNotice notice) {
        DocumentReference ref = db.collection(COLLECTION).document(notice.id());
        return FirestoreErrors.await(db.runTransaction(tx -> {
            if (tx.get(ref).get().exists()) {
                return false;
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("userId", notice.userId());
            fields.put("videoId", notice.videoId());
            fields.put("type", "analysis_failed");
            fields.put("errorCode", notice.errorCode());
            fields.put("message", notice.message());
            fields.put("createdAt", VideoDocuments.timestamp(notice.createdAt()));
            fields.put("read", false);
            tx.create(ref, fields);
            return true;
        }), "storing a notification");
    }
}
