package app.coherence.gcp.firestore;

import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.Usage;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoError;
import app.coherence.core.video.VideoStatus;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reservations and their quota slots in Firestore. A reservation reads the user's plan and the
 * month's usage, applies {@link QuotaPolicy} and writes the usage and the new video in ONE
 * transaction: concurrent reservations serialise on the usage document and can never exceed a limit.
 */
public class FirestoreUploadLedger implements UploadLedger, UsageStore {
    /** Many reservations of one user contend on one document; give each enough tries to get through. */
    private static final int ATTEMPTS = 60;

    /**
     * Reservations of one user from one process queue here before their transaction: the transaction
     * alone keeps the limits (across instances too), but 50 at once would mostly abort and back off.
     */
    private final Lock[] userLocks = new Lock[64];
    private final Firestore db;
    private final QuotaPolicy policy;

    public FirestoreUploadLedger(Firestore db, QuotaPolicy policy) {
        this.db = db;
        this.policy = policy;
        for (int i = 0; i < userLocks.length; i++) {
            userLocks[i] = new ReentrantLock();
        }
    }

    @Override
    public void reserve(Video video) {
        Instant now = video.createdAt();
        YearMonth month = Usage.monthOf(now);
        DocumentReference userRef = db.collection(FirestoreUserStore.COLLECTION).document(video.userId());
        DocumentReference usageRef = usageRef(video.userId(), month);
        DocumentReference videoRef = videoRef(video.videoId());
        Lock lock = lockOf(video.userId());
        lock.lock();
        try {
            reserveInTransaction(video, userRef, usageRef, videoRef, now, month);
        } finally {
            lock.unlock();
        }
    }

    private void reserveInTransaction(Video video, DocumentReference userRef, DocumentReference usageRef,
                                      DocumentReference videoRef, Instant now, YearMonth month) {
        Transactions.await(db.runTransaction(tx -> {
            DocumentSnapshot user = tx.get(userRef).get();
            DocumentSnapshot usageDoc = tx.get(usageRef).get();
            Usage usage = UsageDocuments.usage(video.userId(), month, usageDoc);
            policy.check(FirestoreUserStore.planOf(user), usage, now).enforce();
            tx.set(usageRef, UsageDocuments.document(usage.withReservation(Usage.dayOf(now)), UsageDocuments.released(usageDoc)));
            tx.create(videoRef, VideoDocuments.toDocument(video));
            return null;
        }, options()), "reserving an upload");
    }

    @Override
    public void release(Video video) {
        DocumentReference videoRef = videoRef(video.videoId());
        Transactions.await(db.runTransaction(tx -> {
            DocumentSnapshot stored = tx.get(videoRef).get();
            if (!stored.exists()) {
                return false; // never reserved: no slot was taken
            }
            return releaseSlot(tx, VideoDocuments.fromDocument(stored));
        }, options()), "releasing a quota slot");
    }

    @Override
    public boolean expire(String videoId, Instant now) {
        DocumentReference videoRef = videoRef(videoId);
        return Transactions.await(db.runTransaction(tx -> {
            DocumentSnapshot stored = tx.get(videoRef).get();
            if (!stored.exists()) {
                return false;
            }
            Video video = VideoDocuments.fromDocument(stored);
            if (video.status() != VideoStatus.AWAITING_UPLOAD || video.reservationExpiresAt() == null
                    || !video.reservationExpiresAt().isBefore(now)) {
                return false;
            }
            // All reads happen before any write in a Firestore transaction: read the usage first.
            DocumentReference usageRef = usageRef(video.userId(), Usage.monthOf(video.createdAt()));
            DocumentSnapshot usageDoc = tx.get(usageRef).get();
            Video failed = video.withFailure(new VideoError("RESERVATION_EXPIRED",
                    "the upload did not arrive before the reservation expired; its quota slot was returned"), now);
            tx.set(videoRef, VideoDocuments.toDocument(failed));
            writeRelease(tx, video, usageRef, usageDoc);
            return true;
        }, options()), "expiring a reservation");
    }

    @Override
    public Usage find(String userId, YearMonth month) {
        DocumentSnapshot doc = Transactions.await(usageRef(userId, month).get(), "reading usage");
        return UsageDocuments.usage(userId, month, doc);
    }

    private boolean releaseSlot(Transaction tx, Video video) throws Exception {
        DocumentReference usageRef = usageRef(video.userId(), Usage.monthOf(video.createdAt()));
        DocumentSnapshot usageDoc = tx.get(usageRef).get();
        return writeRelease(tx, video, usageRef, usageDoc);
    }

    private static boolean writeRelease(Transaction tx, Video video, DocumentReference usageRef, DocumentSnapshot usageDoc) {
        Map<String, Boolean> released = UsageDocuments.released(usageDoc);
        if (released.containsKey(video.videoId())) {
            return false; // given back before: exactly once per video
        }
        released.put(video.videoId(), true);
        YearMonth month = Usage.monthOf(video.createdAt());
        Usage usage = UsageDocuments.usage(video.userId(), month, usageDoc).withRelease(Usage.dayOf(video.createdAt()));
        tx.set(usageRef, UsageDocuments.document(usage, released));
        return true;
    }

    private Lock lockOf(String userId) {
        return userLocks[Math.floorMod(userId.hashCode(), userLocks.length)];
    }

    private DocumentReference usageRef(String userId, YearMonth month) {
        return db.collection(UsageDocuments.COLLECTION).document(Usage.documentId(userId, month));
    }

    private DocumentReference videoRef(String videoId) {
        return db.collection("videos").document(videoId);
    }

    private static TransactionOptions options() {
        return TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(ATTEMPTS).build();
    }

}
