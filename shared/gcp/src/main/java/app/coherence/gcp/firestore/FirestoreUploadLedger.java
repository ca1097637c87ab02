package app.coherence.gcp.firestore;

import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.Usage;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.Video;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Instant;
import java.time.YearMonth;
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
        FirestoreErrors.await(db.runTransaction(tx -> {
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
        FirestoreErrors.await(db.runTransaction(tx -> {
            DocumentSnapshot stored = tx.get(videoRef).get();
            if (!stored.exists()) {
                return false; // never reserved: no slot was taken
            }
            return releaseSlot(tx, VideoDocuments.fromDocument(stored));
        }, options()), "releasing a quota slot");
    }

    @Override
    public Usage find(String userId, YearMonth month) {
        DocumentSnapshot doc = FirestoreErrors.await(usageRef(userId, month).get(), "reading usage");
        return UsageDocuments.usage(userId, month, doc);
    }

    private boolean releaseSlot(Transaction tx, Video video) throws Exception {
        DocumentReference usageRef = UsageDocuments.usageOf(db, video);
        return UsageDocuments.writeRelease(tx, video, usageRef, tx.get(usageRef).get());
    }

    private Lock lockOf(String userId) {
        return userLocks[Math.floorMod(userId.hashCode(), userLocks.length)];
    }

    private DocumentReference usageRef(String userId, YearMonth month) {
        return db.collection(UsageDocuments.COLLECTION).document(Usage.documentId(userId, month));
    }

    private DocumentReference videoRef(String videoId) {
        return db.collection(FirestoreVideoStore.COLLECTION).document(videoId);
    }

    private static TransactionOptions options() {
        return TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(ATTEMPTS).build();
    }

}
