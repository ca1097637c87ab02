package app.coherence.local.e2e;

import app.coherence.core.json.Json;
import app.coherence.local.e2e.RunningSystem.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The local system's HTTP surface as the tests use it, whether it runs in this JVM or as a process of its own. */
interface LocalHttp {

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl();

    /** Sends a request (with the test's deadline) and reads the whole answer. */
    Reply send(HttpRequest.Builder request) throws Exception;

    default Reply get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    default Reply postJson(String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    default Reply put(String url, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Polls the video until it is completed or failed; the last document seen (null if none) when time runs out. */
    default JsonNode awaitEnd(String token, String videoId, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        JsonNode video = null;
        while (System.nanoTime() < until) {
            Reply reply = get("/v1/videos/" + videoId, token);
            if (reply.status() == 200) {
                video = reply.json();
                String status = video.path("status").asText();
                if (status.equals("completed") || status.equals("failed")) {
                    return video;
                }
            }
            Thread.sleep(500);
        }
        return video;
    }
}
