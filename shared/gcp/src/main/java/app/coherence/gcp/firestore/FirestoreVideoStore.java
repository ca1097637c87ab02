package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Effect;
import app.coherence.core.video.Transition;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Video status documents in {@code videos/{videoId}}, each with its attempt beside it in
 * {@code videoAttempts/{videoId}} (shape: {@link VideoDocuments}); every change is a read-modify-write
 * transaction over both, so concurrent writers (progress, lease, completion) never lose an update.
 */
public class FirestoreVideoStore implements VideoStore {
    public static final String COLLECTION = "videos";
    /** Progress, heartbeat and completion of one video can contend; give each change enough tries. */
    private static final int ATTEMPTS = 25;

    private final Firestore db;

    public FirestoreVideoStore(Firestore db) {
        this.db = db;
    }

    @Override
    public void create(Video video) {
        DocumentReference ref = videos().document(video.videoId());
        try {
            WriteBatch batch = db.batch();
            batch.create(ref, VideoDocuments.toDocument(video));
            Map<String, Object> attempt = VideoDocuments.toAttemptDocument(video);
            if (attempt != null) {
                batch.set(attemptOf(video.videoId()), attempt);
            }
            batch.commit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "creating video " + video.videoId() + " was interrupted");
        } catch (ExecutionException e) {
            if (FirestoreErrors.isAlreadyExists(e)) {
                throw new CoherenceException(ErrorCode.CONFLICT, "video " + video.videoId() + " already exists");
            }
            throw FirestoreErrors.failure(e.getCause(), "creating video " + video.videoId());
        }
    }

    @Override
    public Optional<Video> find(String videoId) {
        List<DocumentSnapshot> docs = FirestoreErrors.await(db.getAll(videos().document(videoId), attemptOf(videoId)),
                "reading video " + videoId);
        return docs.get(0).exists() ? Optional.of(VideoDocuments.fromDocuments(docs.get(0), docs.get(1))) : Optional.empty();
    }

    /** One document read, not two: the API reads every video this way, and its attempt is not the owner's concern. */
    @Override
    public Optional<Video> findForOwner(String videoId) {
        DocumentSnapshot doc = FirestoreErrors.await(videos().document(videoId).get(), "reading video " + videoId);
        return doc.exists() ? Optional.of(VideoDocuments.fromDocument(doc)) : Optional.empty();
    }

    @Override
    public Optional<Video> update(String videoId, UnaryOperator<Video> change) {
        DocumentReference ref = videos().document(videoId);
        TransactionOptions options = TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(ATTEMPTS).build();
        return FirestoreErrors.await(db.runTransaction(tx -> {
            // one read of both documents: a short transaction holds its locks briefly under contention
            List<DocumentSnapshot> both = tx.getAll(ref, attemptOf(videoId)).get();
            DocumentSnapshot doc = both.get(0);
            DocumentSnapshot attempt = both.get(1);
            if (!doc.exists()) {
                return Optional.<Video>empty();
            }
            Video current = VideoDocuments.fromDocuments(doc, attempt);
            Video next = change.apply(current);
            if (next == current) {
                return Optional.of(current);
            }
            if (!next.videoId().equals(videoId)) {
                throw new IllegalArgumentException("a change may not move video " + videoId + " to " + next.videoId());
            }
            write(tx, ref, attempt, next);
            return Optional.of(next);
        }, options), "updating video " + videoId);
    }

    @Override
    public Optional<Transition> apply(String videoId, Function<Video, Transition> step) {
        DocumentReference ref = videos().document(videoId);
        TransactionOptions options = TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(ATTEMPTS).build();
        return FirestoreErrors.await(db.runTransaction(tx -> {
            // one read of both documents: a short transaction holds its locks briefly under contention
            List<DocumentSnapshot> both = tx.getAll(ref, attemptOf(videoId)).get();
            DocumentSnapshot doc = both.get(0);
            DocumentSnapshot attempt = both.get(1);
            if (!doc.exists()) {
                return Optional.<Transition>empty();
            }
            Transition transition = step.apply(VideoDocuments.fromDocuments(doc, attempt));
            if (!transition.video().videoId().equals(videoId)) {
                throw new IllegalArgumentException("a step may not move video " + videoId + " to " + transition.video().videoId());
            }
            // every read before the first write, as Firestore transactions require
            DocumentReference usageRef = transition.has(Effect.RETURN_QUOTA_SLOT)
                    ? UsageDocuments.usageOf(db, transition.video()) : null;
            DocumentSnapshot usageDoc = usageRef == null ? null : tx.get(usageRef).get();
            if (transition.moved()) {
                write(tx, ref, attempt, transition.video());
            }
            if (usageRef != null) {
                UsageDocuments.writeRelease(tx, transition.video(), usageRef, usageDoc);
            }
            return Optional.of(transition);
        }, options), "updating video " + videoId);
    }

    @Override
    public List<Video> findUnfinished() {
        List<QueryDocumentSnapshot> docs = FirestoreErrors.await(videos()
                .whereIn("status", List.of(VideoStatus.QUEUED.wireName(), VideoStatus.PROCESSING.wireName()))
                .get(), "listing unfinished videos").getDocuments();
        // deletedAt is absent on live videos, and Firestore cannot query for a missing field
        List<QueryDocumentSnapshot> live = docs.stream().filter(d -> d.get("deletedAt") == null).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        List<DocumentSnapshot> attempts = FirestoreErrors.await(db.getAll(live.stream()
                .map(d -> attemptOf(d.getId())).toArray(DocumentReference[]::new)), "reading unfinished videos' attempts");
        Map<String, DocumentSnapshot> byId = new HashMap<>();
        attempts.forEach(a -> byId.put(a.getId(), a));
        return live.stream().map(d -> VideoDocuments.fromDocuments(d, byId.get(d.getId()))).toList();
    }

    @Override
    public List<Video> findExpiredReservations(Instant now) {
        // needs the composite index videos(status ASC, reservationExpiresAt ASC) in GCP
        List<QueryDocumentSnapshot> docs = FirestoreErrors.await(videos()
                .whereEqualTo("status", VideoStatus.AWAITING_UPLOAD.wireName())
                .whereLessThan("reservationExpiresAt", VideoDocuments.timestamp(now))
                .get(), "listing expired reservations").getDocuments();
        // Soft-deleted reservations are listed too: their quota slot must come back as well.
        return docs.stream().map(VideoDocuments::fromDocument).toList();
    }

    /** The video and, beside it, its attempt: written when it holds one, deleted when it no longer does. */
    private void write(Transaction tx, DocumentReference ref, DocumentSnapshot attempt, Video video) {
        tx.set(ref, VideoDocuments.toDocument(video));
        Map<String, Object> attemptDoc = VideoDocuments.toAttemptDocument(video);
        if (attemptDoc != null) {
            tx.set(attempt.getReference(), attemptDoc);
        } else if (attempt.exists()) {
            tx.delete(attempt.getReference());
        }
    }

    private CollectionReference videos() {
        return db.collection(COLLECTION);
    }

    private DocumentReference attemptOf(String videoId) {
        return db.collection(VideoDocuments.ATTEMPTS).document(videoId);
    }
}
