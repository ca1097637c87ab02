package app.coherence.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.upload.LocalBlob;
import app.coherence.core.upload.SignedUrl;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcsBlobStoreTest {
    private static final String SIGNER = "coherence-signer@demo-coherence.iam.gserviceaccount.com";
    private static KeyPair keys;
    private static ServiceAccountCredentials credentials;

    private final Instant now = Instant.now();
    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final GcsBlobStore store = new GcsBlobStore(storage, "coherence-uploads", credentials,
            Clock.fixed(now, ZoneOffset.UTC));

    @TempDir
    Path tmp;

    @BeforeAll
    static void signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        credentials = ServiceAccountCredentials.newBuilder()
                .setClientEmail(SIGNER).setPrivateKey(keys.getPrivate()).setPrivateKeyId("local-test-key")
                .setProjectId("demo-coherence").build();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Recomputes the V4 string-to-sign from the URL and the headers and checks the signature with the public key. */
    private static boolean signatureVerifies(String method, URI uri, Map<String, String> headers) throws Exception {
        String rawQuery = uri.getRawQuery();
        String signature = query(uri).get("X-Goog-Signature");
        String unsignedQuery = java.util.Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.startsWith("X-Goog-Signature=")).sorted().collect(Collectors.joining("&"));
        TreeMap<String, String> canonical = new TreeMap<>();
        canonical.put("host", uri.getHost());
        headers.forEach((k, v) -> canonical.put(k.toLowerCase(), v));
        String canonicalHeaders = canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", canonical.keySet());
        String request = method + "\n" + uri.getRawPath() + "\n" + unsignedQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\nUNSIGNED-PAYLOAD";
        Map<String, String> params = query(uri);
        String credential = params.get("X-Goog-Credential");
        String scope = credential.substring(credential.indexOf('/') + 1);
        String toSign = "GOOG4-RSA-SHA256\n" + params.get("X-Goog-Date") + "\n" + scope + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(toSign.getBytes(StandardCharsets.UTF_8));
        return rsa.verify(HexFormat.of().parseHex(signature));
    }

    @Test
    void signUpload_shouldBeAV4PutBindingContentTypeAndExactSize() throws Exception {
        SignedUrl signed = store.signUpload("uploads/u1/v1", "video/mp4", 1_048_576, Duration.ofHours(1));

        URI uri = URI.create(signed.url());
        Map<String, String> params = query(uri);
        assertThat(uri.getHost()).isEqualTo("storage.googleapis.com");
        assertThat(uri.getPath()).isEqualTo("/coherence-uploads/uploads/u1/v1");
        assertThat(params).containsEntry("X-Goog-Algorithm", "GOOG4-RSA-SHA256")
                .containsEntry("X-Goog-Expires", "3600")
                .containsEntry("X-Goog-SignedHeaders", "content-type;host;x-goog-content-length-range");
        assertThat(params.get("X-Goog-Credential")).startsWith(SIGNER + "/").endsWith("/auto/storage/goog4_request");
        Instant signedAt = ZonedDateTime.parse(params.get("X-Goog-Date"),
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).toInstant();
        assertThat(Duration.between(signedAt, now).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(signed.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(signed.headers()).isEqualTo(Map.of("Content-Type", "video/mp4",
                "x-goog-content-length-range", "1048576,1048576"));

        assertThat(signatureVerifies("PUT", uri, signed.headers())).isTrue();
        assertThat(signatureVerifies("PUT", uri, Map.of("Content-Type", "video/mp4",
                "x-goog-content-length-range", "1048576,2097152"))).isFalse();
        assertThat(signatureVerifies("PUT", uri, Map.of("Content-Type", "video/webm",
                "x-goog-content-length-range", "1048576,1048576"))).isFalse();
    }

    @Test
    void signResumableUpload_shouldBeAV4PostThatOpensASessionForTheReservedTypeAndSize() throws Exception {
        SignedUrl signed = store.signResumableUpload("uploads/u1/v1", "video/webm", 5_000_000, Duration.ofHours(1)).orElseThrow();

        URI uri = URI.create(signed.url());
        assertThat(uri.getPath()).isEqualTo("/coherence-uploads/uploads/u1/v1");
        assertThat(query(uri)).containsEntry("X-Goog-Expires", "3600")
                .containsEntry("X-Goog-SignedHeaders", "content-type;host;x-goog-content-length-range;x-goog-resumable");
        assertThat(signed.headers()).isEqualTo(Map.of("Content-Type", "video/webm", "x-goog-resumable", "start",
                "x-goog-content-length-range", "5000000,5000000"));
        assertThat(signatureVerifies("POST", uri, signed.headers())).isTrue();
        // a PUT of the whole file, another size or another type cannot use it
        assertThat(signatureVerifies("PUT", uri, signed.headers())).isFalse();
        assertThat(signatureVerifies("POST", uri, Map.of("Content-Type", "video/webm", "x-goog-resumable", "start",
                "x-goog-content-length-range", "5000000,9000000"))).isFalse();
        assertThat(signatureVerifies("POST", uri, Map.of("Content-Type", "video/mp4", "x-goog-resumable", "start",
                "x-goog-content-length-range", "5000000,5000000"))).isFalse();
    }

    @Test
    void signDownload_shouldBeAV4GetWithoutExtraHeaders() throws Exception {
        SignedUrl signed = store.signDownload("uploads/u1/v1", Duration.ofMinutes(15));

        URI uri = URI.create(signed.url());
        assertThat(query(uri)).containsEntry("X-Goog-Expires", "900").containsEntry("X-Goog-SignedHeaders", "host");
        assertThat(signed.headers()).isEmpty();
        assertThat(signed.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(signatureVerifies("GET", uri, Map.of())).isTrue();
        assertThat(signatureVerifies("PUT", uri, Map.of())).isFalse();
    }

    @Test
    void putSizeDownloadDelete_shouldRoundTripTheBytes() throws Exception {
        byte[] video = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(video);
        store.put("uploads/u1/v2", "video/mp4", video);

        assertThat(store.size("uploads/u1/v2")).contains((long) video.length);
        Path target = tmp.resolve("v2.mp4");
        store.download("uploads/u1/v2", target);
        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(tmp.resolve("v2.mp4.partial")).doesNotExist();

        store.delete("uploads/u1/v2");
        assertThat(store.size("uploads/u1/v2")).isEmpty();
        store.delete("uploads/u1/v2");
    }

    @Test
    void missingObject_shouldHaveNoSizeAndFailToDownload() {
        assertThat(store.size("uploads/u1/none")).isEmpty();
        assertThatThrownBy(() -> store.download("uploads/u1/none", tmp.resolve("none")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("gs://coherence-uploads/uploads/u1/none");
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    @Test
    void openLocally_withTheBucketMounted_shouldReadInPlace_elseDownloadACopyThatCloseRemoves() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("mnt"));
        Path work = tmp.resolve("work");
        GcsBlobStore mounted = new GcsBlobStore(storage, "coherence-uploads", credentials, Clock.fixed(now, ZoneOffset.UTC), mount);
        Files.createDirectories(mount.resolve("uploads/u1"));
        Files.write(mount.resolve("uploads/u1/v3"), new byte[] {4, 5, 6}); // what Cloud Storage FUSE shows
        store.put("uploads/u1/v4", "video/mp4", new byte[] {7, 8}); // in the bucket, not (yet) in the mount

        try (LocalBlob inPlace = mounted.openLocally("uploads/u1/v3", work)) {
            assertThat(inPlace.isCopy()).isFalse();
            assertThat(inPlace.file()).isEqualTo(mount.resolve("uploads/u1/v3").toAbsolutePath());
        }
        assertThat(mount.resolve("uploads/u1/v3")).exists();

        Path copied;
        try (LocalBlob copy = mounted.openLocally("uploads/u1/v4", work)) {
            copied = copy.file();
            assertThat(copy.isCopy()).isTrue();
            assertThat(copied.getParent()).isEqualTo(work);
            assertThat(Files.readAllBytes(copied)).containsExactly(7, 8);
        }
        assertThat(copied).doesNotExist();

        // a path climbing out of the mount is never read from the file system
        Files.write(tmp.resolve("secret"), new byte[] {1});
        assertThatThrownBy(() -> mounted.openLocally("../secret", work)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.openLocally("uploads/u1/none", work)).isInstanceOf(NoSuchFileException.class);
        try (var left = Files.list(work)) {
            assertThat(left).as("a failed download leaves no partial copy").isEmpty();
        }
    }
}
