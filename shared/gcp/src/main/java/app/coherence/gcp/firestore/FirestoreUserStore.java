package app.coherence.gcp.firestore;

import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import app.coherence.core.user.UserAccount;
import app.coherence.core.user.UserStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.SetOptions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** User account documents ({@code users/{uid}}) in Firestore. Other fields (stats) are left to their owners. */
public class FirestoreUserStore implements UserStore {
    static final String COLLECTION = "users";

    private final Firestore db;
    private final Clock clock;

    public FirestoreUserStore(Firestore db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public UserAccount ensure(AuthenticatedUser user) {
        DocumentReference ref = db.collection(COLLECTION).document(user.uid());
        return FirestoreErrors.await(db.runTransaction(tx -> {
            DocumentSnapshot existing = tx.get(ref).get();
            if (existing.exists()) {
                return account(existing);
            }
            UserAccount created = UserAccount.newUser(user, clock.instant());
            Map<String, Object> doc = new HashMap<>();
            doc.put("uid", created.uid());
            if (created.email() != null) {
                doc.put("email", created.email());
            }
            if (created.displayName() != null) {
                doc.put("displayName", created.displayName());
            }
            doc.put("plan", created.plan().wireName());
            doc.put("createdAt", VideoDocuments.timestamp(created.createdAt()));
            tx.create(ref, doc);
            return created;
        }), "creating the user account");
    }

    @Override
    public Optional<UserAccount> find(String uid) {
        DocumentSnapshot doc = FirestoreErrors.await(db.collection(COLLECTION).document(uid).get(), "reading the user account");
        return doc.exists() ? Optional.of(account(doc)) : Optional.empty();
    }

    @Override
    public Optional<UserAccount> findByStripeCustomerId(String customerId) {
        return first("stripeCustomerId", customerId);
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return first("email", email);
    }

    @Override
    public void setStripeCustomerId(String uid, String customerId) {
        FirestoreErrors.await(db.collection(COLLECTION).document(uid)
                .set(Map.of("stripeCustomerId", customerId), SetOptions.merge()), "storing the Stripe customer");
    }

    private Optional<UserAccount> first(String field, String value) {
        QuerySnapshot found = FirestoreErrors.await(db.collection(COLLECTION).whereEqualTo(field, value).limit(1).get(),
                "looking up a user by " + field);
        return found.isEmpty() ? Optional.empty() : Optional.of(account(found.getDocuments().get(0)));
    }

    static UserAccount account(DocumentSnapshot doc) {
        return new UserAccount(doc.getId(), doc.getString("email"), doc.getString("displayName"), planOf(doc),
                doc.getString("stripeCustomerId"), VideoDocuments.instant(doc.getTimestamp("createdAt")));
    }

    /** The stored plan; free for a user without a document (or an unreadable plan). */
    static Plan planOf(DocumentSnapshot doc) {
        String plan = doc.exists() ? doc.getString("plan") : null;
        if (plan == null) {
            return Plan.FREE;
        }
        try {
            return Plan.fromWire(plan);
        } catch (IllegalArgumentException e) {
            return Plan.FREE;
        }
    }
}
