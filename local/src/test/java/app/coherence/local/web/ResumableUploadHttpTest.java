package app.coherence.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.SignedUrl;
import app.coherence.embedded.blob.FileSystemBlobStore;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local blob endpoint's resumable uploads over real HTTP (the servlet in an embedded Tomcat on a
 * free port): a session opened through the signed POST takes chunks, keeps what arrived when a
 * connection breaks, says how much that is, and stores the file once, byte for byte; a file stored
 * once is never overwritten by a second PUT or session (409).
 */
class ResumableUploadHttpTest {
    private static final String TYPE = "video/webm";
    private static final int CHUNK = 512 * 1024;

    @TempDir
    static Path tmp;

    private static Tomcat tomcat;
    private static String base;
    private static FileSystemBlobStore store;
    private static final List<FinalizedUpload> finalized = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void noEventsYet() {
        finalized.clear();
    }

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(tmp.resolve("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        store = new FileSystemBlobStore(tmp.resolve("blobs"), "coherence-uploads",
                "a-test-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8), () -> base, Clock.systemUTC());
        store.addFinalizeListener(finalized::add);
        Context context = tomcat.addContext("", tmp.toString());
        Wrapper servlet = Tomcat.addServlet(context, "blobs",
                new BlobServlet(store, new UploadLimits(Duration.ofMinutes(5), 0, Duration.ofSeconds(30))));
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/blobs/*", "blobs");
        tomcat.start();
        base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void brokenChunk_resumedFromTheReportedOffset_shouldStoreAByteIdenticalFileAndFinalizeOnce() throws Exception {
        byte[] video = new byte[3 * CHUNK + 12_345];
        new Random(11).nextBytes(video);
        String session = openSession("uploads/u1/v1", video.length);

        HttpResponse<String> first = putChunk(session, video, 0, CHUNK);
        assertThat(first.statusCode()).isEqualTo(308);
        assertThat(first.headers().firstValue("Range")).contains("bytes=0-" + (CHUNK - 1));

        // the second chunk: its headers promise 512 KiB, 200 000 bytes leave, then the connection drops
        int sentBeforeDrop = 200_000;
        URI uri = URI.create(session);
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: " + TYPE + "\r\nContent-Length: " + CHUNK + "\r\n"
                    + "Content-Range: bytes " + CHUNK + "-" + (2 * CHUNK - 1) + "/" + video.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(video, CHUNK, sentBeforeDrop);
            out.flush();
        }

        // asked how much it has, the server counts every byte that arrived before the drop
        long offset = -1;
        for (int i = 0; i < 100 && offset != CHUNK + sentBeforeDrop; i++) {
            Thread.sleep(50);
            HttpResponse<String> status = query(session, video.length);
            assertThat(status.statusCode()).isEqualTo(308);
            offset = status.headers().firstValue("Range").map(r -> Long.parseLong(r.substring(r.indexOf('-') + 1)) + 1).orElse(0L);
        }
        assertThat(offset).isEqualTo(CHUNK + sentBeforeDrop);
        assertThat(finalized).isEmpty();

        // the client resumes from there; the server may still be ending the broken request (409): ask again
        HttpResponse<String> rest = null;
        for (int i = 0; i < 100; i++) {
            rest = putChunk(session, video, (int) offset, video.length - (int) offset);
            if (rest.statusCode() != 409) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(Files.readAllBytes(tmp.resolve("blobs/uploads/u1/v1"))).isEqualTo(video);
        assertThat(finalized).extracting(FinalizedUpload::path, FinalizedUpload::sizeBytes, FinalizedUpload::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("uploads/u1/v1", (long) video.length, TYPE));

        // the last answer lost: asking again, or sending the last chunk again, says done and stores nothing twice
        assertThat(query(session, video.length).statusCode()).isEqualTo(200);
        assertThat(putChunk(session, video, (int) offset, video.length - (int) offset).statusCode()).isEqualTo(200);
        assertThat(finalized).hasSize(1);
    }

    @Test
    void chunkRepeatingBytesAlreadyStored_shouldSkipThemAndKeepTheFileExact() throws Exception {
        byte[] video = new byte[2 * CHUNK];
        new Random(3).nextBytes(video);
        String session = openSession("uploads/u1/v2", video.length);

        assertThat(putChunk(session, video, 0, CHUNK).statusCode()).isEqualTo(308);
        // the answer to the first chunk was lost, so the client sends from an earlier offset
        HttpResponse<String> overlap = putChunk(session, video, CHUNK - 1000, CHUNK + 1000);

        assertThat(overlap.statusCode()).isEqualTo(200);
        assertThat(Files.readAllBytes(tmp.resolve("blobs/uploads/u1/v2"))).isEqualTo(video);
        assertThat(finalized).hasSize(1);
    }

    @Test
    void badRangesAndSessions_shouldBeRefusedWithJsonErrorsAndKeepTheUploadResumable() throws Exception {
        byte[] video = new byte[CHUNK];
        new Random(5).nextBytes(video);
        String session = openSession("uploads/u1/v3", video.length);

        assertError(send(session, "PUT", null, new byte[10]), 400, "INVALID_ARGUMENT", "needs a Content-Range");
        assertError(send(session, "PUT", "bytes=0-9/" + video.length, new byte[10]), 400, "INVALID_ARGUMENT", "FIRST-LAST/TOTAL");
        assertError(send(session, "PUT", "bytes 0-9/999", new byte[10]), 400, "INVALID_ARGUMENT", "this upload is " + video.length + " bytes");
        assertError(send(session, "PUT", "bytes 9-0/" + video.length, new byte[10]), 400, "INVALID_ARGUMENT", "ends before it starts");
        assertError(send(session, "PUT", "bytes 0-" + video.length + "/" + video.length, new byte[10]), 400, "INVALID_ARGUMENT", "past the end");
        assertError(send(session, "PUT", "bytes 0-19/" + video.length, new byte[10]), 400, "INVALID_ARGUMENT", "the chunk has 10 bytes");
        HttpResponse<String> gap = send(session, "PUT", "bytes 1000-1009/" + video.length, new byte[10]);
        assertError(gap, 400, "INVALID_ARGUMENT", "only 0 bytes have arrived");
        assertThat(gap.body()).contains("\"received\":0");
        assertError(send(session.replaceAll("upload_id=[^&]+", "upload_id=" + "A".repeat(43)), "PUT", "bytes */" + video.length, new byte[0]),
                404, "NOT_FOUND", "no such upload session");
        assertError(send(session.replaceAll("upload_id=[^&]+", "upload_id=..%2F..%2Fsecret"), "PUT", "bytes */" + video.length, new byte[0]),
                404, "NOT_FOUND", "no such upload session");

        // none of those stored a byte: the whole file still goes in from 0
        assertThat(query(session, video.length).headers().firstValue("Range")).isEmpty();
        assertThat(putChunk(session, video, 0, video.length).statusCode()).isEqualTo(200);
        assertThat(Files.readAllBytes(tmp.resolve("blobs/uploads/u1/v3"))).isEqualTo(video);
    }

    @Test
    void openSession_withABadUrlOrRequest_shouldBeRefusedWithJsonErrors() throws Exception {
        SignedUrl url = store.signResumableUpload("uploads/u1/v4", TYPE, 1000, Duration.ofHours(1)).orElseThrow();

        assertError(post(url.url(), TYPE, null), 400, "INVALID_ARGUMENT", "x-goog-resumable: start");
        assertError(post(url.url(), "video/mp4", "start"), 415, "UNSUPPORTED_MEDIA_TYPE", "accepts Content-Type video/webm only");
        assertError(post(url.url().replace("len=1000", "len=2000"), TYPE, "start"), 403, "UPLOAD_URL_INVALID", "not valid");
        // the PUT URL of the same reservation cannot open a session: the method is signed in
        String putUrl = store.signUpload("uploads/u1/v4", TYPE, 1000, Duration.ofHours(1)).url();
        assertError(post(putUrl, TYPE, "start"), 403, "UPLOAD_URL_INVALID", "not valid");
        assertThat(finalized).isEmpty();
    }

    @Test
    void rePut_ofAFileAlreadyUploaded_shouldBe409Json_andKeepTheFileAndItsOneEvent() throws Exception {
        byte[] video = new byte[100_000];
        new Random(9).nextBytes(video);
        String putUrl = store.signUpload("uploads/u1/v5", TYPE, video.length, Duration.ofHours(1)).url();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(putUrl)).header("Content-Type", TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(video)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        byte[] other = new byte[video.length];
        new Random(10).nextBytes(other);
        for (byte[] body : List.of(video, other)) {
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(putUrl)).header("Content-Type", TYPE)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertError(again, 409, "CONFLICT", "already used");
        }
        // nor can a resumable session be opened over it
        SignedUrl resumable = store.signResumableUpload("uploads/u1/v5", TYPE, video.length, Duration.ofHours(1)).orElseThrow();
        assertError(post(resumable.url(), TYPE, "start"), 409, "CONFLICT", "already used");

        assertThat(Files.readAllBytes(tmp.resolve("blobs/uploads/u1/v5"))).isEqualTo(video);
        assertThat(finalized).hasSize(1);
    }

    private String openSession(String path, long size) throws Exception {
        SignedUrl url = store.signResumableUpload(path, TYPE, size, Duration.ofHours(1)).orElseThrow();
        assertThat(url.headers()).containsEntry("x-goog-resumable", "start").containsEntry("Content-Type", TYPE);
        HttpResponse<String> opened = post(url.url(), TYPE, "start");
        assertThat(opened.statusCode()).isEqualTo(201);
        return opened.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> post(String url, String type, String resumable) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (resumable != null) {
            request.header("x-goog-resumable", resumable);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putChunk(String session, byte[] video, int from, int length) throws Exception {
        return send(session, "PUT", "bytes " + from + "-" + (from + length - 1) + "/" + video.length,
                Arrays.copyOfRange(video, from, from + length));
    }

    private HttpResponse<String> query(String session, long size) throws Exception {
        return send(session, "PUT", "bytes */" + size, new byte[0]);
    }

    private HttpResponse<String> send(String url, String method, String contentRange, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentRange != null) {
            request.header("Content-Range", contentRange);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> reply, int status, String code, String messagePart) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(reply.body()).contains("\"code\":\"" + code + "\"").contains(messagePart);
    }
}
