package app.coherence.gcp.firestore;

import app.coherence.core.video.Video;
import com.google.cloud.NoCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A Firestore client on the emulator, in a project of its own so tests never see each other's data. */
final class TestFirestore {

    private TestFirestore() {
    }

    static Firestore open() {
        String host = System.getProperty("test.firestore.host");
        return FirestoreOptions.newBuilder()
                .setProjectId("demo-history-" + UUID.randomUUID().toString().substring(0, 8))
                .setEmulatorHost(host)
                .setCredentials(NoCredentials.getInstance())
                .build().getService();
    }

    /** Writes a video document with every field explicit (nulls included). */
    static void put(Firestore db, Video v) {
        Map<String, Object> f = new HashMap<>();
        f.put("userId", v.userId());
        f.put("title", v.title());
        f.put("storagePath", v.storagePath());
        f.put("contentType", v.contentType());
        f.put("sizeBytes", v.sizeBytes());
        f.put("durationSeconds", v.durationSeconds());
        f.put("status", v.status().wireName());
        f.put("progress", v.progress() == null ? null
                : new HashMap<>(Map.of("stage", v.progress().stage(), "percent", v.progress().percent())));
        f.put("attempts", v.attempts());
        f.put("error", v.error() == null ? null : Map.of("code", v.error().code(), "message", v.error().message()));
        f.put("coherenceScore", v.coherenceScore());
        f.put("scoreTier", v.scoreTier());
        f.put("thumbnailPath", v.thumbnailPath());
        f.put("createdAt", VideoFields.timestamp(v.createdAt()));
        f.put("updatedAt", VideoFields.timestamp(v.updatedAt()));
        f.put("deletedAt", VideoFields.timestamp(v.deletedAt()));
        Futures.await(db.collection("videos").document(v.videoId()).set(f), "seeding");
    }
}
