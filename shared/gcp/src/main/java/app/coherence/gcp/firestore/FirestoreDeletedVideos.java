package app.coherence.gcp.firestore;

import app.coherence.core.history.DeletedVideos;
import app.coherence.core.video.Video;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.List;

/** Soft-deleted videos past their grace period: {@code videos} where deletedAt < cutoff (a single-field index). */
public class FirestoreDeletedVideos implements DeletedVideos {
    static final String ANALYSES = "analyses";

    private final Firestore db;

    public FirestoreDeletedVideos(Firestore db) {
        this.db = db;
    }

    @Override
    public List<Video> deletedBefore(Instant cutoff, int limit) {
        return FirestoreErrors.await(db.collection(FirestoreVideoListing.COLLECTION)
                        .whereLessThan("deletedAt", VideoDocuments.timestamp(cutoff))
                        .limit(limit).get(), "finding deleted videos")
                .getDocuments().stream().map(VideoDocuments::fromDocument).toList();
    }

    @Override
    public void purge(String videoId) {
        WriteBatch batch = db.batch();
        batch.delete(db.collection(FirestoreVideoListing.COLLECTION).document(videoId));
        batch.delete(db.collection(ANALYSES).document(videoId));
        FirestoreErrors.await(batch.commit(), "purging a deleted video");
    }
}
