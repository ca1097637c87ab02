package app.coherence.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.SignedUrl;
import app.coherence.embedded.blob.FileSystemBlobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The local server's own endpoints over real HTTP: signed blob URLs through Tomcat, health, the web client. */
class LocalServerTest {
    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext context;
    private static String base;
    private static FileSystemBlobStore blobs;
    private static final List<FinalizedUpload> finalized = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<h1>Coherence</h1>");
        context = CoherenceLocal.start("--port", "0", "--coherence.data-dir=" + dir.resolve("data"),
                "--coherence.web-dir=" + web);
        base = context.getBean(LocalAddress.class).baseUrl();
        blobs = context.getBean(FileSystemBlobStore.class);
        blobs.addFinalizeListener(finalized::add);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void upload_throughTheServer_shouldStoreAndFinalizeOrRefuseClearly() throws Exception {
        SignedUrl url = blobs.signUpload("uploads/u1/v1", "video/mp4", 5, Duration.ofMinutes(5));

        HttpResponse<String> tooBig = put(url.url(), "video/mp4", new byte[6]);
        HttpResponse<String> tampered = put(url.url().replace("len=5", "len=6"), "video/mp4", new byte[6]);
        HttpResponse<String> ok = put(url.url(), "video/mp4", new byte[] {1, 2, 3, 4, 5});

        assertThat(url.url()).startsWith(base + "/blobs/upload?");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("UPLOAD_URL_INVALID");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(finalized).containsExactly(new FinalizedUpload("coherence-local", "uploads/u1/v1", 5, "video/mp4"));

        // (the upload trigger then deletes uploads/u1/v1: nobody reserved it)
        blobs.put("thumbnails/u1/v1.jpg", "image/jpeg", new byte[] {1, 2, 3, 4, 5});
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(
                        blobs.signDownload("thumbnails/u1/v1.jpg", Duration.ofMinutes(5)).url())).header("Range", "bytes=1-2").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).containsExactly(2, 3);
        assertThat(range.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(range.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void healthz_andWebClient_shouldBeServed() throws Exception {
        HttpResponse<String> health = get("/healthz");
        HttpResponse<String> index = get("/");
        HttpResponse<String> unknown = get("/v2/nothing");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ready\"").contains("\"dispatcher\":\"ready\"");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<h1>Coherence</h1>");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Files.readString(dir.resolve("data/runtime.json"))).contains("\"baseUrl\":\"" + base + "\"");
    }

    private HttpResponse<String> put(String url, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
