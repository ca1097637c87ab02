package app.coherence.gcp.firestore;

import app.coherence.core.account.AccountData;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything of one user in Firestore: the collections whose documents carry {@code userId}, plus
 * {@code users/{uid}} (with its sub-collections) and {@code subscriptions/{uid}}.
 */
public class FirestoreAccountData implements AccountData {
    /** Collections whose documents name their owner in {@code userId}. */
    static final List<String> OWNED = List.of(FirestoreVideoListing.COLLECTION, FirestoreAnalysisStore.COLLECTION,
            UsageDocuments.COLLECTION, FirestoreNotifications.COLLECTION, VideoDocuments.ATTEMPTS);

    private final Firestore db;

    public FirestoreAccountData(Firestore db) {
        this.db = db;
    }

    @Override
    public List<String> storedPaths(String uid) {
        List<String> paths = new ArrayList<>();
        for (QueryDocumentSnapshot d : owned(FirestoreVideoListing.COLLECTION, uid)) {
            for (String field : List.of("storagePath", "thumbnailPath")) {
                String path = d.getString(field);
                if (path != null && !path.isBlank()) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    @Override
    public int eraseDocuments(String uid) {
        List<DocumentReference> refs = new ArrayList<>();
        for (String collection : OWNED) {
            owned(collection, uid).forEach(d -> refs.add(d.getReference()));
        }
        DocumentReference user = db.collection(FirestoreUserStore.COLLECTION).document(uid);
        for (var sub : user.listCollections()) {
            FirestoreErrors.await(sub.get(), "reading a closing account").getDocuments().forEach(d -> refs.add(d.getReference()));
        }
        for (DocumentReference own : List.of(user, db.collection(FirestoreSubscriptionStore.COLLECTION).document(uid))) {
            DocumentSnapshot doc = FirestoreErrors.await(own.get(), "reading a closing account");
            if (doc.exists()) {
                refs.add(own);
            }
        }
        // Batches of at most 500 writes, Firestore's limit.
        for (int from = 0; from < refs.size(); from += 500) {
            var batch = db.batch();
            refs.subList(from, Math.min(refs.size(), from + 500)).forEach(batch::delete);
            FirestoreErrors.await(batch.commit(), "erasing a closing account");
        }
        return refs.size();
    }

    private List<QueryDocumentSnapshot> owned(String collection, String uid) {
        return FirestoreErrors.await(db.collection(collection).whereEqualTo("userId", uid).get(), "reading a closing account")
                .getDocuments();
    }
}
