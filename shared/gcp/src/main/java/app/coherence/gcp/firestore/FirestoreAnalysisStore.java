package app.coherence.gcp.firestore;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Full results in {@code analyses/{videoId}}: the result's own fields (as the API serves them, including
 * pipelineVersion) at the top level, plus {@code userId} (for the security rules) and {@code createdAt}.
 */
public class FirestoreAnalysisStore implements AnalysisStore {
    public static final String COLLECTION = "analyses";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Firestore db;
    private final Clock clock;

    public FirestoreAnalysisStore(Firestore db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void save(String userId, AnalysisResult result) {
        Map<String, Object> doc = new LinkedHashMap<>(Json.mapper().convertValue(result, MAP));
        doc.put("userId", userId);
        doc.put("createdAt", VideoDocuments.timestamp(clock.instant()));
        FirestoreErrors.await(db.collection(COLLECTION).document(result.videoId()).set(doc),
                "saving the analysis of video " + result.videoId());
    }

    @Override
    public Optional<AnalysisResult> find(String videoId) {
        DocumentSnapshot doc = FirestoreErrors.await(db.collection(COLLECTION).document(videoId).get(),
                "reading the analysis of video " + videoId);
        if (!doc.exists() || doc.getData() == null) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>(doc.getData());
        fields.remove("userId");
        fields.replaceAll((key, value) -> value instanceof Timestamp ? value.toString() : value);
        return Optional.of(Json.mapper().convertValue(fields, AnalysisResult.class));
    }

    /** The owner recorded with a stored result (for ownership checks), if the result exists. */
    public Optional<String> ownerOf(String videoId) {
        DocumentSnapshot doc = FirestoreErrors.await(db.collection(COLLECTION).document(videoId).get(),
                "reading the analysis of video " + videoId);
        return doc.exists() ? Optional.ofNullable(doc.getString("userId")) : Optional.empty();
    }
}
