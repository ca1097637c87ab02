package app.coherence.gcp.storage;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.LocalBlob;
import app.coherence.core.upload.SignedUrl;
import com.google.auth.ServiceAccountSigner;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Videos and thumbnails in one Cloud Storage bucket. Upload URLs are V4-signed PUTs that bind the
 * content type and the exact size ({@code x-goog-content-length-range}) into the signature, so the
 * client can upload only what it reserved; the client must send the headers returned with the URL.
 */
public class GcsBlobStore implements BlobStore {
    public static final String LENGTH_RANGE = "x-goog-content-length-range";
    /** The header whose value {@code start} makes a signed POST open a resumable upload session. */
    public static final String RESUMABLE = "x-goog-resumable";
    private static final Logger LOG = LoggerFactory.getLogger(GcsBlobStore.class);

    private final Storage storage;
    private final String bucket;
    private final ServiceAccountSigner signer;
    private final Clock clock;
    private final Path mount;

    /**
     * {@code signer} signs URLs; null uses the client's own credentials (in GCP, the runtime service
     * account through the IAM signBlob API, which needs roles/iam.serviceAccountTokenCreator on itself).
     */
    public GcsBlobStore(Storage storage, String bucket, ServiceAccountSigner signer, Clock clock) {
        this(storage, bucket, signer, clock, null);
    }

    /** As above; {@code mount}: where the bucket is mounted read-only (Cloud Storage FUSE), or null. */
    public GcsBlobStore(Storage storage, String bucket, ServiceAccountSigner signer, Clock clock, Path mount) {
        this.storage = storage;
        this.bucket = bucket;
        this.signer = signer;
        this.clock = clock;
        this.mount = mount == null ? null : mount.toAbsolutePath().normalize();
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public SignedUrl signUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        Map<String, String> headers = Map.of("Content-Type", contentType, LENGTH_RANGE, sizeBytes + "," + sizeBytes);
        BlobInfo blob = BlobInfo.newBuilder(BlobId.of(bucket, path)).setContentType(contentType).build();
        Instant expires = clock.instant().plus(ttl);
        URL url = storage.signUrl(blob, ttl.toSeconds(), TimeUnit.SECONDS, options(HttpMethod.PUT,
                Storage.SignUrlOption.withExtHeaders(headers)));
        return new SignedUrl(url.toString(), expires, headers);
    }

    /**
     * A V4-signed POST that opens a Cloud Storage resumable upload session (XML API): the client sends
     * it with these headers (content type, {@code x-goog-resumable: start} and the exact size range,
     * all bound into the signature) from its own origin, so the bucket's CORS policy applies to the
     * session; the answer's Location is the session URI the client PUTs chunks to with Content-Range.
     */
    @Override
    public Optional<SignedUrl> signResumableUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        Map<String, String> headers = Map.of("Content-Type", contentType, RESUMABLE, "start",
                LENGTH_RANGE, sizeBytes + "," + sizeBytes);
        BlobInfo blob = BlobInfo.newBuilder(BlobId.of(bucket, path)).setContentType(contentType).build();
        Instant expires = clock.instant().plus(ttl);
        URL url = storage.signUrl(blob, ttl.toSeconds(), TimeUnit.SECONDS, options(HttpMethod.POST,
                Storage.SignUrlOption.withExtHeaders(headers)));
        return Optional.of(new SignedUrl(url.toString(), expires, headers));
    }

    @Override
    public SignedUrl signDownload(String path, Duration ttl) {
        Instant expires = clock.instant().plus(ttl);
        URL url = storage.signUrl(BlobInfo.newBuilder(BlobId.of(bucket, path)).build(), ttl.toSeconds(), TimeUnit.SECONDS,
                options(HttpMethod.GET));
        return new SignedUrl(url.toString(), expires);
    }

    private Storage.SignUrlOption[] options(HttpMethod method, Storage.SignUrlOption... extra) {
        List<Storage.SignUrlOption> options = new ArrayList<>(List.of(
                Storage.SignUrlOption.withV4Signature(), Storage.SignUrlOption.httpMethod(method)));
        if (signer != null) {
            options.add(Storage.SignUrlOption.signWith(signer));
        }
        options.addAll(List.of(extra));
        return options.toArray(Storage.SignUrlOption[]::new);
    }

    @Override
    public java.util.List<String> list(String prefix) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        try {
            for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
                paths.add(blob.getName());
            }
        } catch (StorageException e) {
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "listing " + prefix + " failed: " + e.getMessage(), Map.of(), e);
        }
        return paths;
    }

    @Override
    public Optional<Long> size(String path) {
        Blob blob;
        try {
            blob = storage.get(BlobId.of(bucket, path));
        } catch (StorageException e) {
            // no answer within the deadline, or Storage failing: worth a retry, never a 500
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "reading gs://" + bucket + "/" + path + " failed: " + e.getMessage(),
                    Map.of(), e);
        }
        return blob == null ? Optional.empty() : Optional.of(blob.getSize());
    }

    @Override
    public void download(String path, Path target) throws IOException {
        if (storage.get(BlobId.of(bucket, path)) == null) {
            throw new NoSuchFileException("gs://" + bucket + "/" + path);
        }
        // streamed through a channel: videos can be gigabytes, never held in memory
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (ReadChannel reader = storage.reader(BlobId.of(bucket, path));
             InputStream in = Channels.newInputStream(reader)) {
            reader.setChunkSize(8 * 1024 * 1024);
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (StorageException e) {
            Files.deleteIfExists(partial);
            throw new IOException("downloading gs://" + bucket + "/" + path + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * The object read in place through the bucket's mount when there is one (the analysis service
     * mounts it: a video of gigabytes then needs no download into Cloud Run's in-memory disk), else a
     * downloaded copy.
     */
    @Override
    public LocalBlob openLocally(String path, Path workDir) throws IOException {
        if (mount != null) {
            Path file = mount.resolve(path).normalize();
            if (file.startsWith(mount) && Files.isRegularFile(file)) {
                return LocalBlob.inPlace(file);
            }
            LOG.warn("gs://{}/{} is not in the mount {}: downloading it instead", bucket, path, mount);
        }
        return BlobStore.super.openLocally(path, workDir);
    }

    @Override
    public void put(String path, String contentType, byte[] content) throws IOException {
        try {
            storage.create(BlobInfo.newBuilder(BlobId.of(bucket, path)).setContentType(contentType).build(), content);
        } catch (StorageException e) {
            throw new IOException("writing gs://" + bucket + "/" + path + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        try {
            storage.delete(BlobId.of(bucket, path));
        } catch (StorageException e) {
            throw new IOException("deleting gs://" + bucket + "/" + path + " failed: " + e.getMessage(), e);
        }
    }
}
