package app.coherence.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.local.e2e.RunningSystem.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of uploads that send their headers and a few bytes, then stall (a bad connection, or an
 * attacker with a few free accounts): the API and /healthz keep answering within a second, and every
 * stalled upload is cut off once it falls below the minimum rate, with a JSON 408 and nothing kept.
 */
class StalledUploadsEndToEndTest {
    private static final int STALLED = 250;
    private static final long SIZE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void stalledUploads_shouldNeitherSlowTheApiNorHoldTheirConnectionsForever() throws Exception {
        Path data = dir.resolve("data");
        try (RunningSystem system = RunningSystem.start(data, dir.resolve("system.log"),
                "--QUOTA_FREE_PER_MONTH=1000", "--QUOTA_UPLOADS_PER_DAY=1000",
                "--coherence.upload-rate-window=8s")) {
            String token = system.signIn("mallory@example.com").idToken();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < STALLED; i++) {
                Reply reserved = system.postJson("/v1/uploads", token,
                        Map.of("title", "Stall " + i, "contentType", "video/mp4", "sizeBytes", SIZE));
                assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
                urls.add(reserved.json().path("uploadUrl").asText());
            }
            // warm: the first list query of a user plans and caches on the emulator; then the same calls
            // with nothing stalled, so a loaded machine's own slowness is not blamed on the stall
            system.get("/v1/videos?limit=1", token);
            long[] before = longestAnswers(system, token, Duration.ofSeconds(3));
            List<Socket> stalled = new ArrayList<>();
            try {
                for (String url : urls) {
                    stalled.add(stall(url));
                }
                long[] during = longestAnswers(system, token, Duration.ofSeconds(5));
                System.out.printf("longest answer with %d stalled uploads: /healthz %d ms, API %d ms"
                        + " (with none: %d ms, %d ms)%n", STALLED, during[0], during[1], before[0], before[1]);
                assertThat(during[0]).isLessThan(1000);
                assertThat(during[1]).isLessThan(Math.max(1000, 3 * before[1]));

                // below 16 KiB/s for the 8 s window: each is answered 408 in JSON and its connection closed
                for (Socket socket : stalled) {
                    socket.setSoTimeout(15_000);
                    String answer = readAll(socket.getInputStream());
                    assertThat(answer).startsWith("HTTP/1.1 408");
                    assertThat(answer).contains("\"code\":\"UPLOAD_TIMEOUT\"");
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            try (Stream<Path> left = Files.list(data.resolve("blobs").resolve(".incoming"))) {
                assertThat(left).isEmpty();
            }
            // the URLs still work for a client that does send its file
            byte[] body = new byte[(int) SIZE];
            assertThat(system.put(urls.get(0), "video/mp4", body).status()).isEqualTo(200);
        }
    }

    /** The longest /healthz and API list answers (ms) over {@code period}; each must be 200. */
    static long[] longestAnswers(RunningSystem system, String token, Duration period) throws Exception {
        long[] longest = new long[2];
        long until = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < until) {
            longest[0] = Math.max(longest[0], timed(() -> assertThat(system.get("/healthz", null).status()).isEqualTo(200)));
            longest[1] = Math.max(longest[1], timed(() -> assertThat(system.get("/v1/videos?limit=1", token).status()).isEqualTo(200)));
            Thread.sleep(50);
        }
        return longest;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Opens a PUT to {@code url} declaring the whole size, sends ten bytes of it, and stops. */
    private static Socket stall(String url) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                + "Content-Type: video/mp4\r\nContent-Length: " + SIZE + "\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
