package app.coherence.local.e2e;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.json.Json;
import app.coherence.core.video.VideoStore;
import app.coherence.embedded.emulator.EmulatorProcess;
import app.coherence.local.LocalSettings;
import app.coherence.local.e2e.RunningSystem.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a client was told must outlive the emulators' memory: reservations answered 201 survive the
 * Firestore emulator being SIGKILLed at once (it comes back from its export), an ID token issued before
 * the Auth emulator restarted is still known to it, and one export (made before every answer to a
 * write) stays quick. Rows of the chaos table.
 */
final class DurableWrites {
    /** Reservations answered just before the kill. */
    static final int BURST = 10;
    /** An export runs before every answer to a write: it must stay well under the API's 1 s. */
    static final long EXPORT_AT_MOST_MS = 1000;

    private DurableWrites() {
    }

    static void exportCost(ChaosSuite suite, RunningSystem system) {
        LocalSettings settings = system.bean(LocalSettings.class);
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            system.emulators().export(settings.projectId(), settings.firestoreExportDir());
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        suite.row("one Firestore export (before every answer to a write; every 2 s besides)",
                "under " + EXPORT_AT_MOST_MS + " ms: a hard kill loses no acknowledged write, at most 2 s of the rest",
                "median " + ms[ms.length / 2] + " ms, longest " + ms[ms.length - 1] + " ms of " + ms.length,
                ms[ms.length - 1] < EXPORT_AT_MOST_MS);
    }

    static void reservationsSurviveFirestoreKill(ChaosSuite suite, RunningSystem system, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Reply reserved = system.postJson("/v1/uploads", token,
                    Map.of("title", "Acknowledged " + i, "contentType", "video/mp4", "sizeBytes", 1_000_000));
            if (reserved.status() == 201) {
                ids.add(reserved.json().path("videoId").asText());
            }
        }
        EmulatorProcess firestore = system.emulators().firestore();
        List<ProcessHandle> tree = firestore.processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        long killed = System.nanoTime();
        VideoStore videos = system.bean(VideoStore.class);
        int found = -1;
        long until = killed + Duration.ofMinutes(3).toNanos();
        while (found < 0 && System.nanoTime() < until) {
            try {
                if (firestore.isRunning()) {
                    int present = 0;
                    for (String id : ids) {
                        present += videos.find(id).isPresent() ? 1 : 0;
                    }
                    found = present;
                }
            } catch (CoherenceException notBackYet) {
                // UNAVAILABLE while it restarts
            }
            Thread.sleep(500);
        }
        suite.row("Firestore emulator SIGKILLed right after " + BURST + " reservations answered 201",
                "all " + BURST + " there once it is back from its export",
                (found < 0 ? "not back in 3 min" : found + " of " + ids.size() + " there") + ", back after "
                        + (System.nanoTime() - killed) / 1_000_000_000 + " s",
                ids.size() == BURST && found == BURST);
    }

    /** After the Auth emulator was killed and restarted: the token issued before is still its user's. */
    static void tokenSurvivesAuthRestart(ChaosSuite suite, RunningSystem system, String token) throws Exception {
        String url = "http://" + system.emulators().auth().hostPort() + "/identitytoolkit.googleapis.com/v1/accounts:lookup?key=emulator-key";
        HttpResponse<String> lookup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(Map.of("idToken", token)))).build(),
                HttpResponse.BodyHandlers.ofString());
        int api = system.get("/v1/videos?limit=1", token).status();
        suite.row("ID token issued before the Auth emulator restarted",
                "the emulator still knows it (lookup 200, as the web client checks on reload); API 200",
                "lookup " + lookup.statusCode() + (lookup.statusCode() == 200 ? "" : " " + lookup.body().strip()) + ", API " + api,
                lookup.statusCode() == 200 && api == 200);
    }
}
