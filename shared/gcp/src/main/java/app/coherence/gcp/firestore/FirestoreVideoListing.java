package app.coherence.gcp.firestore;

import app.coherence.core.history.SortOrder;
import app.coherence.core.history.VideoListQuery;
import app.coherence.core.history.VideoListing;
import app.coherence.core.history.VideoSort;
import app.coherence.core.video.Video;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history listing on Firestore: {@code videos} where userId (and status) match, ordered by the
 * sort field then the document id in the same direction, resumed with startAfter(value, id).
 * Needs the composite indexes in infra/firestore.indexes.json. Deleted videos are skipped here
 * rather than filtered in the query, so the indexes do not depend on how absent fields are stored;
 * a batch full of deleted videos just reads the next batch.
 */
public class FirestoreVideoListing implements VideoListing {
    static final String COLLECTION = "videos";

    private final Firestore db;

    public FirestoreVideoListing(Firestore db) {
        this.db = db;
    }

    @Override
    public List<Video> list(VideoListQuery q) {
        Query.Direction dir = q.order() == SortOrder.ASC ? Query.Direction.ASCENDING : Query.Direction.DESCENDING;
        Query base = db.collection(COLLECTION).whereEqualTo("userId", q.userId());
        if (q.status() != null) {
            base = base.whereEqualTo("status", q.status().wireName());
        }
        base = base.orderBy(q.sort().wireName(), dir).orderBy(FieldPath.documentId(), dir);
        List<Video> out = new ArrayList<>(q.limit());
        Object[] after = q.after() == null ? null
                : new Object[] {storedValue(q.sort(), q.after().sortValue()), q.after().videoId()};
        int batch = q.limit();
        while (out.size() < q.limit()) {
            Query page = (after == null ? base : base.startAfter(after)).limit(batch);
            List<QueryDocumentSnapshot> docs = get(page);
            for (QueryDocumentSnapshot d : docs) {
                Video v = VideoDocuments.fromDocument(d);
                if (!v.isDeleted() && out.size() < q.limit()) {
                    out.add(v);
                }
                after = new Object[] {d.get(q.sort().wireName()), d.getId()};
            }
            if (docs.size() < batch) {
                break;
            }
        }
        return out;
    }

    private static Object storedValue(VideoSort sort, Object cursorValue) {
        if (sort == VideoSort.CREATED_AT) {
            return VideoDocuments.timestamp(Instant.parse((String) cursorValue));
        }
        if (sort == VideoSort.COHERENCE_SCORE && cursorValue != null) {
            return ((Number) cursorValue).longValue();
        }
        return cursorValue;
    }

    private static List<QueryDocumentSnapshot> get(Query query) {
        return FirestoreErrors.await(query.get(), "listing videos").getDocuments();
    }
}
