package app.coherence.gcp.firestore;

import app.coherence.core.billing.StripeEventRef;
import app.coherence.core.billing.Subscription;
import app.coherence.core.billing.SubscriptionStore;
import app.coherence.core.user.Plan;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Subscriptions ({@code subscriptions/{uid}}) and processed Stripe events ({@code stripeEvents/{id}})
 * in Firestore: the marker, the subscription and the user's plan are written in one transaction.
 */
public class FirestoreSubscriptionStore implements SubscriptionStore {
    static final String COLLECTION = "subscriptions";
    static final String EVENTS = "stripeEvents";

    private final Firestore db;
    private final Clock clock;

    public FirestoreSubscriptionStore(Firestore db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Outcome apply(StripeEventRef event, String uid, boolean ordered, UnaryOperator<Subscription> change) {
        DocumentReference marker = db.collection(EVENTS).document(event.id());
        DocumentReference subRef = db.collection(COLLECTION).document(uid);
        DocumentReference userRef = db.collection(FirestoreUserStore.COLLECTION).document(uid);
        return FirestoreErrors.await(db.runTransaction(tx -> {
            if (tx.get(marker).get().exists()) {
                return Outcome.DUPLICATE;
            }
            DocumentSnapshot stored = tx.get(subRef).get();
            Subscription current = stored.exists() ? subscription(stored) : Subscription.none(uid);
            if (ordered && current.lastEventCreated() != null && event.created().isBefore(current.lastEventCreated())) {
                tx.create(marker, marker(event, uid, Outcome.STALE.name()));
                return Outcome.STALE;
            }
            Subscription next = change.apply(current);
            if (ordered) {
                next = next.withLastEvent(event.id(), event.created());
            }
            tx.set(subRef, document(next));
            Map<String, Object> user = new HashMap<>();
            user.put("plan", next.effectivePlan().wireName());
            if (next.stripeCustomerId() != null) {
                user.put("stripeCustomerId", next.stripeCustomerId());
            }
            tx.set(userRef, user, SetOptions.merge());
            tx.create(marker, marker(event, uid, Outcome.APPLIED.name()));
            return Outcome.APPLIED;
        }), "applying a Stripe event");
    }

    @Override
    public Outcome ignore(StripeEventRef event, String reason) {
        DocumentReference marker = db.collection(EVENTS).document(event.id());
        return FirestoreErrors.await(db.runTransaction(tx -> {
            if (tx.get(marker).get().exists()) {
                return Outcome.DUPLICATE;
            }
            Map<String, Object> doc = marker(event, null, Outcome.IGNORED.name());
            doc.put("reason", reason);
            tx.create(marker, doc);
            return Outcome.IGNORED;
        }), "recording a Stripe event");
    }

    @Override
    public Optional<Subscription> find(String uid) {
        DocumentSnapshot doc = FirestoreErrors.await(db.collection(COLLECTION).document(uid).get(), "reading the subscription");
        return doc.exists() ? Optional.of(subscription(doc)) : Optional.empty();
    }

    private Map<String, Object> marker(StripeEventRef event, String uid, String outcome) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("type", event.type());
        doc.put("created", VideoDocuments.timestamp(event.created()));
        doc.put("processedAt", VideoDocuments.timestamp(clock.instant()));
        doc.put("outcome", outcome);
        if (uid != null) {
            doc.put("userId", uid);
        }
        return doc;
    }

    private static Map<String, Object> document(Subscription s) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("userId", s.uid());
        doc.put("stripeCustomerId", s.stripeCustomerId());
        doc.put("stripeSubscriptionId", s.stripeSubscriptionId());
        doc.put("plan", s.plan().wireName());
        doc.put("effectivePlan", s.effectivePlan().wireName());
        doc.put("status", s.status());
        doc.put("cancelAtPeriodEnd", s.cancelAtPeriodEnd());
        doc.put("currentPeriodEnd", VideoDocuments.timestamp(s.currentPeriodEnd()));
        doc.put("lastPaymentFailedAt", VideoDocuments.timestamp(s.lastPaymentFailedAt()));
        doc.put("lastEventCreated", VideoDocuments.timestamp(s.lastEventCreated()));
        doc.put("lastEventId", s.lastEventId());
        return doc;
    }

    private static Subscription subscription(DocumentSnapshot d) {
        String plan = d.getString("plan");
        return new Subscription(d.getId(), d.getString("stripeCustomerId"), d.getString("stripeSubscriptionId"),
                plan == null ? Plan.FREE : Plan.fromWire(plan), d.getString("status"),
                Boolean.TRUE.equals(d.getBoolean("cancelAtPeriodEnd")),
                VideoDocuments.instant(d.getTimestamp("currentPeriodEnd")),
                VideoDocuments.instant(d.getTimestamp("lastPaymentFailedAt")),
                VideoDocuments.instant(d.getTimestamp("lastEventCreated")), d.getString("lastEventId"));
    }
}
