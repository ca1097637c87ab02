package app.coherence.embedded.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.LocalBlob;
import app.coherence.core.upload.SignedUrl;
import app.coherence.embedded.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {
    private static final byte[] SECRET = "a-test-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "uploads/user1/video1";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final List<FinalizedUpload> finalized = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private BlobHttpServer server;
    private FileSystemBlobStore store;
    private Path root;

    @BeforeEach
    void start() throws IOException {
        server = new BlobHttpServer();
        root = dataDir.resolve("blobs");
        store = new FileSystemBlobStore(root, "local-bucket", SECRET, server::baseUrl, clock);
        store.addFinalizeListener(finalized::add);
        server.serve(store);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void put_toSignedUrl_shouldStoreTheFileAndFireOneFinalizeEvent() throws Exception {
        byte[] video = randomBytes(300_000);
        SignedUrl url = store.signUpload(PATH, "video/mp4", video.length, Duration.ofHours(1));

        HttpResponse<String> response = put(url.url(), "video/mp4", video);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(url.url()).startsWith(server.baseUrl() + "/blobs/upload?");
        assertThat(url.expiresAt()).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(Files.readAllBytes(root.resolve(PATH))).isEqualTo(video);
        assertThat(finalized).containsExactly(new FinalizedUpload("local-bucket", PATH, video.length, "video/mp4"));
        assertThat(store.size(PATH)).contains((long) video.length);
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void put_afterExpiry_shouldAnswer403Expired() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 10, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plusSeconds(2));

        HttpResponse<String> response = put(url.url(), "video/mp4", new byte[10]);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"UPLOAD_URL_EXPIRED\"");
        assertNothingStored();
    }

    @Test
    void put_oneSecondBeforeExpiry_shouldBeAcceptedAndAtExpiryRefused() throws Exception {
        SignedUrl first = store.signUpload(PATH, "video/mp4", 1, Duration.ofMinutes(5));
        SignedUrl second = store.signUpload("uploads/user1/video2", "video/mp4", 1, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(put(first.url(), "video/mp4", new byte[1]).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(put(second.url(), "video/mp4", new byte[1]).statusCode()).isEqualTo(403);
    }

    @Test
    void put_withTamperedUrl_shouldAnswer403Invalid() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 10, Duration.ofHours(1));
        String biggerLength = url.url().replace("&len=10&", "&len=1000&");
        String otherPath = url.url().replace("video1", "video2");
        String laterExpiry = url.url().replaceFirst("&exp=(\\d+)", "&exp=9999999999");
        String noSignature = url.url().replaceFirst("&sig=.*$", "");
        String otherSecret = new FileSystemBlobStore(dataDir.resolve("other"), "b",
                "another-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8), server::baseUrl, clock)
                .signUpload(PATH, "video/mp4", 10, Duration.ofHours(1)).url();

        for (String forged : List.of(biggerLength, otherPath, laterExpiry, noSignature, otherSecret)) {
            HttpResponse<String> response = put(forged, "video/mp4", new byte[forged.equals(biggerLength) ? 1000 : 10]);
            assertThat(response.statusCode()).as(forged).isEqualTo(403);
            assertThat(response.body()).contains("\"code\":\"UPLOAD_URL_INVALID\"");
        }
        assertNothingStored();
    }

    @Test
    void put_withAnotherContentType_shouldAnswer415() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 10, Duration.ofHours(1));

        HttpResponse<String> response = put(url.url(), "text/plain", new byte[10]);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("video/mp4");
        assertNothingStored();
    }

    @Test
    void put_withContentTypeParameters_shouldAcceptTheSameMediaType() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/webm", 4, Duration.ofHours(1));

        HttpResponse<String> response = put(url.url(), "video/webm; codecs=vp9", new byte[4]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(finalized).hasSize(1);
    }

    @Test
    void put_largerThanReserved_shouldAnswer413() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 1000, Duration.ofHours(1));

        HttpResponse<String> declared = put(url.url(), "video/mp4", new byte[1001]);
        // Small enough that the server can drain the rest and the client reads the answer (a huge
        // body would see the connection closed after the first reserved+1 bytes, by design).
        HttpResponse<String> chunked = putChunked(url.url(), "video/mp4", new byte[5_000]);

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void receive_endlessBody_shouldStopReadingJustPastTheReservedSize() throws IOException {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 1000, Duration.ofHours(1));
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThatThrownBy(() -> store.receiveUpload(query(url.url()), "video/mp4", -1, endless))
                .isInstanceOf(CoherenceException.class)
                .extracting(e -> ((CoherenceException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(endless.read).isEqualTo(1001);
        assertNothingStored();
    }

    @Test
    void put_shorterThanReserved_shouldAnswer400() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 1000, Duration.ofHours(1));

        HttpResponse<String> declared = put(url.url(), "video/mp4", new byte[999]);
        HttpResponse<String> chunked = putChunked(url.url(), "video/mp4", new byte[10]);

        assertThat(declared.statusCode()).isEqualTo(400);
        assertThat(declared.body()).contains("exactly 1000");
        assertThat(chunked.statusCode()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void put_twice_shouldStoreOnceAndAnswer409() throws Exception {
        SignedUrl url = store.signUpload(PATH, "video/mp4", 3, Duration.ofHours(1));

        HttpResponse<String> first = put(url.url(), "video/mp4", new byte[] {1, 2, 3});
        HttpResponse<String> second = put(url.url(), "video/mp4", new byte[] {4, 5, 6});

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(Files.readAllBytes(root.resolve(PATH))).containsExactly(1, 2, 3);
        assertThat(finalized).hasSize(1);
    }

    @Test
    void receive_signedTraversalPath_shouldNeverWriteOutsideTheDataDir() throws Exception {
        UrlSigner signer = new UrlSigner(SECRET);
        for (String evil : List.of("../escaped", "uploads/../../escaped", "/etc/escaped", "uploads/./x", ".meta/x", "a//b")) {
            String exp = Long.toString(clock.instant().getEpochSecond() + 60);
            Map<String, String> query = Map.of("path", evil, "ct", "video/mp4", "len", "3", "exp", exp,
                    "sig", signer.sign("PUT", evil, "video/mp4", "3", exp));

            assertThatThrownBy(() -> store.receiveUpload(query, "video/mp4", 3, new ByteArrayInputStream(new byte[3])))
                    .as(evil).isInstanceOf(CoherenceException.class)
                    .extracting(e -> ((CoherenceException) e).code()).isEqualTo(ErrorCode.UPLOAD_URL_INVALID);
            assertThatThrownBy(() -> store.signUpload(evil, "video/mp4", 3, Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.exists(dataDir.resolve("escaped"))).isFalse();
        assertThat(Files.exists(Path.of("/etc/escaped"))).isFalse();
        assertNothingStored();
    }

    @Test
    void put_whenTheListenerFails_shouldStillStoreTheObject() throws Exception {
        store.addFinalizeListener(upload -> {
            throw new IllegalStateException("listener down");
        });
        SignedUrl url = store.signUpload(PATH, "video/mp4", 2, Duration.ofHours(1));

        HttpResponse<String> response = put(url.url(), "video/mp4", new byte[] {7, 8});

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(store.size(PATH)).contains(2L);
        assertThat(finalized).hasSize(1);
    }

    @Test
    void get_signedDownloadUrl_shouldServeWholeObjectAndRanges() throws Exception {
        byte[] video = randomBytes(10_000);
        store.put(PATH, "video/mp4", video);
        String url = store.signDownload(PATH, Duration.ofMinutes(10)).url();

        HttpResponse<byte[]> whole = get(url, null);
        HttpResponse<byte[]> middle = get(url, "bytes=100-199");
        HttpResponse<byte[]> open = get(url, "bytes=9990-");
        HttpResponse<byte[]> suffix = get(url, "bytes=-10");
        HttpResponse<byte[]> beyond = get(url, "bytes=20000-");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 100-199/10000");
        assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(video, 100, 200));
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(java.util.Arrays.copyOfRange(video, 9990, 10_000));
        assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(video, 9990, 10_000));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */10000");
    }

    @Test
    void get_expiredTamperedOrMissing_shouldBeRefused() throws Exception {
        store.put(PATH, "video/mp4", new byte[] {1});
        String url = store.signDownload(PATH, Duration.ofMinutes(1)).url();
        String missing = store.signDownload("uploads/user1/gone", Duration.ofMinutes(1)).url();

        assertThat(get(url.replace("video1", "video2"), null).statusCode()).isEqualTo(403);
        assertThat(get(missing, null).statusCode()).isEqualTo(404);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<byte[]> expired = get(url, null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("expired");
    }

    @Test
    void put_size_download_delete_shouldManageStoredObjects() throws Exception {
        store.put("thumbnails/user1/video1.jpg", "image/jpeg", new byte[] {9, 9});
        Path copy = dataDir.resolve("copy.jpg");

        store.download("thumbnails/user1/video1.jpg", copy);
        assertThat(Files.readAllBytes(copy)).containsExactly(9, 9);
        assertThat(store.size("thumbnails/user1/video1.jpg")).contains(2L);

        store.delete("thumbnails/user1/video1.jpg");
        store.delete("thumbnails/user1/video1.jpg");
        assertThat(store.size("thumbnails/user1/video1.jpg")).isEmpty();
        assertThat(finalized).isEmpty();
    }

    @Test
    void openLocally_shouldReadTheStoredFileInPlace_andCloseWithoutDeletingIt() throws Exception {
        store.put("uploads/user1/video9", "video/mp4", new byte[] {1, 2, 3});
        Path work = dataDir.resolve("work");

        try (LocalBlob video = store.openLocally("uploads/user1/video9", work)) {
            assertThat(video.isCopy()).isFalse();
            assertThat(Files.readAllBytes(video.file())).containsExactly(1, 2, 3);
        }

        assertThat(store.size("uploads/user1/video9")).contains(3L);
        assertThat(work).doesNotExist(); // nothing was copied
        assertThatThrownBy(() -> store.openLocally("uploads/user1/none", work)).isInstanceOf(NoSuchFileException.class);
    }

    private void assertNothingStored() throws IOException {
        assertThat(store.size(PATH)).isEmpty();
        assertThat(finalized).isEmpty();
        assertThat(incomingFiles()).isEmpty();
    }

    private List<Path> incomingFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(".incoming"))) {
            return files.toList();
        }
    }

    private HttpResponse<String> put(String url, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putChunked(String url, String contentType, byte[] body) throws Exception {
        // An input-stream publisher has no known length, so the client sends the body chunked.
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /** A body that never ends, counting what was read from it. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }

}
