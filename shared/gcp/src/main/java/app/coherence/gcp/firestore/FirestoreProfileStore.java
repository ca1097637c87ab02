package app.coherence.gcp.firestore;

import app.coherence.core.profile.ProfileStore;
import app.coherence.core.profile.StoredProfile;
import app.coherence.core.profile.UserStats;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The profile side of {@code users/{uid}}: displayName and the {@code stats} map. Counted videos are
 * marked in {@code users/{uid}/countedAnalyses/{videoId}}, written in the same transaction as the
 * stats, so a redelivered event is never counted twice. Only the fields named here are written
 * (merge), so the account fields (email, plan, stripeCustomerId) stay the accounts code's.
 */
public class FirestoreProfileStore implements ProfileStore {
    static final String USERS = "users";
    static final String COUNTED = "countedAnalyses";

    private final Firestore db;

    public FirestoreProfileStore(Firestore db) {
        this.db = db;
    }

    @Override
    public Optional<StoredProfile> find(String uid) {
        DocumentSnapshot d = FirestoreErrors.await(db.collection(USERS).document(uid).get(), "reading the profile");
        return d.exists() ? Optional.of(read(d)) : Optional.empty();
    }

    @Override
    public StoredProfile setDisplayName(AuthenticatedUser user, String displayName) {
        DocumentReference ref = db.collection(USERS).document(user.uid());
        FirestoreErrors.await(db.runTransaction(tx -> {
            DocumentSnapshot d = tx.get(ref).get();
            Map<String, Object> fields = new HashMap<>();
            fields.put("displayName", displayName);
            if (!d.exists()) {
                // First write for this user: create the account fields the accounts code would.
                fields.put("uid", user.uid());
                fields.put("email", user.email());
                fields.put("plan", Plan.FREE.wireName());
                fields.put("createdAt", FieldValue.serverTimestamp());
            }
            tx.set(ref, fields, SetOptions.merge());
            return null;
        }), "renaming the user");
        return find(user.uid()).orElseThrow();
    }

    @Override
    public boolean countAnalysis(String uid, String videoId, UnaryOperator<UserStats> change) {
        DocumentReference user = db.collection(USERS).document(uid);
        DocumentReference marker = user.collection(COUNTED).document(videoId);
        return FirestoreErrors.await(db.runTransaction(tx -> {
            DocumentSnapshot m = tx.get(marker).get();
            if (m.exists()) {
                return false;
            }
            DocumentSnapshot d = tx.get(user).get();
            UserStats next = change.apply(d.exists() ? stats(d.get("stats")) : UserStats.empty());
            tx.set(user, Map.of("stats", write(next)), SetOptions.mergeFields("stats"));
            tx.set(marker, Map.of("videoId", videoId, "countedAt", FieldValue.serverTimestamp()));
            return true;
        }), "updating the user's stats");
    }

    private static StoredProfile read(DocumentSnapshot d) {
        String plan = d.getString("plan");
        return new StoredProfile(d.getId(), d.getString("email"), d.getString("displayName"),
                plan == null ? Plan.FREE : Plan.fromWire(plan), instant(d.get("createdAt")), stats(d.get("stats")));
    }

    static Map<String, Object> write(UserStats s) {
        Map<String, Object> m = new HashMap<>();
        m.put("analyses", s.analyses());
        m.put("scoreSum", s.scoreSum());
        m.put("averageScore", s.averageScore());
        m.put("bestScore", s.bestScore());
        m.put("lastScore", s.lastScore());
        m.put("lastAnalysedAt", VideoDocuments.timestamp(s.lastAnalysedAt()));
        m.put("recentScores", s.recentScores());
        m.put("fillerWords", s.fillerWords());
        m.put("flagTypes", s.flagTypes());
        return m;
    }

    static UserStats stats(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return UserStats.empty();
        }
        List<Integer> recent = new ArrayList<>();
        if (m.get("recentScores") instanceof List<?> list) {
            list.forEach(x -> recent.add(((Number) x).intValue()));
        }
        return new UserStats(number(m.get("analyses")).intValue(), number(m.get("scoreSum")).longValue(),
                intOrNull(m.get("bestScore")), intOrNull(m.get("lastScore")),
                instant(m.get("lastAnalysedAt")), recent, counts(m.get("fillerWords")), counts(m.get("flagTypes")));
    }

    private static Integer intOrNull(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static java.time.Instant instant(Object value) {
        return value instanceof com.google.cloud.Timestamp t ? VideoDocuments.instant(t) : null;
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    private static Map<String, Integer> counts(Object value) {
        Map<String, Integer> out = new TreeMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), number(v).intValue()));
        }
        return out;
    }

}
