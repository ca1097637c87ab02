package app.coherence.local.e2e;

import app.coherence.gcp.firestore.FirestoreClients;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.ListenerRegistration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Follows one videos/{id} document through a real Firestore snapshot listener, as the web client does. */
final class VideoWatcher implements AutoCloseable {
    private final Firestore db;
    private final ListenerRegistration registration;
    private final List<Map<String, Object>> snapshots = new CopyOnWriteArrayList<>();

    VideoWatcher(String emulatorHostPort, String projectId, String videoId) {
        db = FirestoreClients.forEmulator(emulatorHostPort, projectId);
        registration = db.collection("videos").document(videoId).addSnapshotListener((snapshot, error) -> {
            if (snapshot != null && snapshot.exists()) {
                snapshots.add(snapshot.getData());
            }
        });
    }

    /** The status of every snapshot seen, repeated statuses collapsed. */
    List<String> statuses() {
        List<String> seen = new java.util.ArrayList<>();
        for (Map<String, Object> s : snapshots) {
            String status = String.valueOf(s.get("status"));
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
        }
        return seen;
    }

    List<Map<String, Object>> snapshots() {
        return snapshots;
    }

    Map<String, Object> latest() {
        return snapshots.isEmpty() ? Map.of() : snapshots.get(snapshots.size() - 1);
    }

    /** Waits until a snapshot matches, returning it; fails after {@code timeout} with what was seen. */
    Map<String, Object> await(Predicate<Map<String, Object>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> s : snapshots) {
                if (condition.test(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no snapshot matched within " + timeout + "; statuses seen: " + statuses()
                + "; latest: " + latest());
    }

    Map<String, Object> awaitStatus(String status, Duration timeout) throws InterruptedException {
        return await(s -> status.equals(s.get("status")), timeout);
    }

    @Override
    public void close() throws Exception {
        registration.remove();
        db.close();
    }
}
