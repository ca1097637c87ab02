package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.FinalizedUpload;
import app.coherence.core.upload.LocalBlob;
import app.coherence.core.upload.SignedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-machine {@link BlobStore}: objects are files under a data directory, reached by
 * HMAC-signed, expiring URLs that the local server answers with {@link #receiveUpload} and
 * {@link #openDownload}. An upload is written to a temporary file and moved into place only when
 * complete; only then are the finalize listeners told, like Cloud Storage's "object finalized" event.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);

    /** The server path signed upload URLs point to (PUT). */
    public static final String UPLOAD_PATH = "/blobs/upload";
    /** The server path of resumable upload sessions (PUT with Content-Range), as handed out in a session's Location. */
    public static final String SESSION_PATH = "/blobs/session";
    /** The header that asks a signed upload URL to open a resumable session (Cloud Storage's name for it). */
    public static final String RESUMABLE_HEADER = "x-goog-resumable";
    /** The server path signed download URLs point to (GET, with Range). */
    public static final String DOWNLOAD_PATH = "/blobs/download";

    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final BlobPaths paths;
    private final String bucket;
    private final UrlSigner signer;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    private final List<Consumer<FinalizedUpload>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();
    private final UploadSessions sessions;

    /**
     * @param root    directory that holds the objects (created if missing)
     * @param bucket  the bucket name reported in finalize events
     * @param secret  HMAC key of the signed URLs (keep it across restarts so issued URLs stay valid)
     * @param baseUrl the server's base URL, e.g. {@code http://127.0.0.1:8080}; asked on every signing
     *                because the port may only be known once the server is up
     */
    public FileSystemBlobStore(Path root, String bucket, byte[] secret, Supplier<String> baseUrl, Clock clock) {
        this.paths = new BlobPaths(root);
        this.bucket = bucket;
        this.signer = new UrlSigner(secret);
        this.baseUrl = baseUrl;
        this.clock = clock;
        try {
            Files.createDirectories(paths.incoming());
            // nothing is being received yet: any partial upload here was cut off by a hard kill of an earlier run
            try (var leftovers = Files.list(paths.incoming())) {
                for (Path part : leftovers.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the blob directory " + paths.root() + ": " + e.getMessage(), e);
        }
        this.sessions = new UploadSessions(this, paths.incoming().resolve("sessions"), clock);
    }

    /** Called with every upload that completed, after its file is in place. */
    public void addFinalizeListener(Consumer<FinalizedUpload> listener) {
        listeners.add(listener);
    }

    public String bucket() {
        return bucket;
    }

    public Path root() {
        return paths.root();
    }

    @Override
    public SignedUrl signUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        requireValid(path);
        if (contentType == null || contentType.isBlank() || contentType.contains("\n")) {
            throw new IllegalArgumentException("an upload URL needs a content type");
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("an upload URL needs a positive size, was " + sizeBytes);
        }
        Instant expires = expiry(ttl);
        String exp = Long.toString(expires.getEpochSecond());
        String len = Long.toString(sizeBytes);
        String sig = signer.sign("PUT", path, contentType, len, exp);
        String url = baseUrl.get() + UPLOAD_PATH + "?path=" + encode(path) + "&ct=" + encode(contentType)
                + "&len=" + len + "&exp=" + exp + "&sig=" + sig;
        return new SignedUrl(url, expires);
    }

    /**
     * A URL to POST (with {@code x-goog-resumable: start}) to open a resumable upload session, as Cloud
     * Storage's signed resumable URLs work: the answer's Location is the session to PUT chunks to.
     */
    @Override
    public Optional<SignedUrl> signResumableUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        SignedUrl put = signUpload(path, contentType, sizeBytes, ttl);
        String exp = Long.toString(put.expiresAt().getEpochSecond());
        String sig = signer.sign("POST", path, contentType, Long.toString(sizeBytes), exp);
        String url = baseUrl.get() + UPLOAD_PATH + "?path=" + encode(path) + "&ct=" + encode(contentType)
                + "&len=" + sizeBytes + "&exp=" + exp + "&sig=" + sig;
        return Optional.of(new SignedUrl(url, put.expiresAt(), Map.of("Content-Type", contentType, RESUMABLE_HEADER, "start")));
    }

    /**
     * Answers a POST to a signed resumable upload URL: checks it as {@link #beginUpload} checks a PUT
     * (signature, expiry, content type) and opens a session; returns the session's URL (the Location).
     *
     * @throws CoherenceException 403 UPLOAD_URL_INVALID / UPLOAD_URL_EXPIRED, 415 for another content
     *                            type, 400 without {@code x-goog-resumable: start}, 409 when the object exists
     */
    public String openSession(Map<String, String> query, String contentType, String resumable) throws IOException {
        String path = query.get("path");
        String ct = query.get("ct");
        String len = query.get("len");
        String exp = query.get("exp");
        if (path == null || ct == null || len == null || exp == null
                || !signer.verify(query.get("sig"), "POST", path, ct, len, exp)) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_INVALID,
                    "the resumable upload URL is not valid (altered or incomplete); reserve a new upload");
        }
        long reserved = parseLong(len);
        checkNotExpired(exp, ErrorCode.UPLOAD_URL_EXPIRED, "the upload URL expired; reserve a new upload");
        if (!BlobPaths.isValid(path) || reserved <= 0) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_INVALID, "the upload URL names no valid object");
        }
        if (!"start".equals(resumable)) {
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "a POST to an upload URL opens a session: send "
                    + RESUMABLE_HEADER + ": start");
        }
        if (contentType == null || !mediaType(contentType).equalsIgnoreCase(ct)) {
            throw new CoherenceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "this upload URL accepts Content-Type " + ct + " only, got " + (contentType == null ? "none" : contentType));
        }
        if (exists(path)) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this upload URL was already used; the object exists");
        }
        String id = sessions.open(path, ct, reserved, parseLong(exp));
        return baseUrl.get() + SESSION_PATH + "?upload_id=" + id;
    }

    /** The resumable upload sessions this store opened, which take the chunks. */
    public UploadSessions sessions() {
        return sessions;
    }

    @Override
    public SignedUrl signDownload(String path, Duration ttl) {
        requireValid(path);
        Instant expires = expiry(ttl);
        String exp = Long.toString(expires.getEpochSecond());
        String sig = signer.sign("GET", path, exp);
        return new SignedUrl(baseUrl.get() + DOWNLOAD_PATH + "?path=" + encode(path) + "&exp=" + exp + "&sig=" + sig,
                expires);
    }

    /**
     * Starts answering a PUT to a signed upload URL: checks the signature, expiry, content type and
     * length before any byte of the body is read; the body then goes to the returned upload, which
     * writes it to a temporary file, moves it in place when complete and fires the finalize event.
     *
     * @param query         the URL's query parameters
     * @param contentType   the request's Content-Type header (may be null)
     * @param contentLength the request's Content-Length, or -1 when it was not sent (chunked)
     * @throws CoherenceException 403 UPLOAD_URL_INVALID / UPLOAD_URL_EXPIRED, 415 for another content type,
     *                            413 for a body longer than reserved, 400 for a shorter one, 409 when the
     *                            object was already uploaded; nothing is stored in any of these cases
     */
    public IncomingUpload beginUpload(Map<String, String> query, String contentType, long contentLength) {
        String path = query.get("path");
        String ct = query.get("ct");
        String len = query.get("len");
        String exp = query.get("exp");
        if (path == null || ct == null || len == null || exp == null
                || !signer.verify(query.get("sig"), "PUT", path, ct, len, exp)) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_INVALID,
                    "the upload URL is not valid (altered or incomplete); reserve a new upload");
        }
        long reserved = parseLong(len);
        checkNotExpired(exp, ErrorCode.UPLOAD_URL_EXPIRED, "the upload URL expired; reserve a new upload");
        if (!BlobPaths.isValid(path) || reserved <= 0) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_INVALID, "the upload URL names no valid object");
        }
        if (contentType == null || !mediaType(contentType).equalsIgnoreCase(ct)) {
            throw new CoherenceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "this upload URL accepts Content-Type " + ct + " only, got " + (contentType == null ? "none" : contentType));
        }
        if (contentLength > reserved) {
            throw tooLarge(reserved);
        }
        if (contentLength >= 0 && contentLength < reserved) {
            throw tooShort(contentLength, reserved);
        }
        return new IncomingUpload(this, path, ct, reserved);
    }

    /**
     * Answers a PUT to a signed upload URL with a blocking body: {@link #beginUpload}, the body copied
     * (at most one byte more than reserved), {@link IncomingUpload#finish}.
     */
    public FinalizedUpload receiveUpload(Map<String, String> query, String contentType, long contentLength,
                                         InputStream body) throws IOException {
        IncomingUpload upload = beginUpload(query, contentType, contentLength);
        try {
            byte[] buffer = new byte[64 * 1024];
            int n;
            // at most one byte past the reserved size is read: an endless body is refused without reading it all
            while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, upload.room() + 1))) >= 0) {
                upload.write(buffer, 0, n);
            }
            return upload.finish();
        } finally {
            upload.abort();
        }
    }

    /** Claims {@code path} for one upload at a time; false when another request is uploading it. */
    boolean claim(String path) {
        return uploading.add(path);
    }

    void release(String path) {
        uploading.remove(path);
    }

    Path incomingFile() {
        return paths.incoming().resolve(UUID.randomUUID() + ".part");
    }

    boolean exists(String path) {
        return Files.exists(paths.file(path));
    }

    /** Moves a complete upload in place and fires the finalize event. */
    FinalizedUpload store(Path temp, String path, String contentType, long size) throws IOException {
        Path target = paths.file(path);
        if (Files.exists(target)) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this upload URL was already used; the object exists");
        }
        Files.createDirectories(target.getParent());
        writeType(path, contentType);
        moveInPlace(temp, target);
        FinalizedUpload finalized = new FinalizedUpload(bucket, path, size, contentType);
        LOG.info("upload of {} complete ({} bytes)", path, size);
        fireFinalized(finalized);
        return finalized;
    }

    /**
     * Answers a GET to a signed download URL, honouring a single-range Range header so players can seek.
     *
     * @throws CoherenceException 403 FORBIDDEN for an altered or expired URL, 404 when the object is gone
     */
    public BlobDownload openDownload(Map<String, String> query, String rangeHeader) throws IOException {
        String path = query.get("path");
        String exp = query.get("exp");
        if (path == null || exp == null || !signer.verify(query.get("sig"), "GET", path, exp)
                || !BlobPaths.isValid(path)) {
            throw new CoherenceException(ErrorCode.FORBIDDEN, "the download URL is not valid (altered or incomplete)");
        }
        checkNotExpired(exp, ErrorCode.FORBIDDEN, "the download URL expired; ask for a new one");
        Path file = paths.file(path);
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw CoherenceException.notFound("object " + path);
        }
        String type = readType(path);
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
        if (range.isEmpty()) {
            return new BlobDownload(200, type, 0, size, size, file);
        }
        if (!range.get().isSatisfiable()) {
            return new BlobDownload(416, type, 0, 0, size, file);
        }
        return new BlobDownload(206, type, range.get().offset(), range.get().length(), size, file);
    }

    @Override
    public Optional<Long> size(String path) {
        try {
            return Optional.of(Files.size(paths.file(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void download(String path, Path target) throws IOException {
        Path source = paths.file(path);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The stored file itself: on one machine there is nothing to download. */
    @Override
    public LocalBlob openLocally(String path, Path workDir) throws IOException {
        Path file = paths.file(path);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(path);
        }
        return LocalBlob.inPlace(file);
    }

    @Override
    public void put(String path, String contentType, byte[] content) throws IOException {
        Path target = paths.file(path);
        Path temp = paths.incoming().resolve(UUID.randomUUID() + ".part");
        try {
            Files.write(temp, content);
            Files.createDirectories(target.getParent());
            writeType(path, contentType == null ? DEFAULT_TYPE : contentType);
            moveInPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path root = paths.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> p.startsWith(prefix) && BlobPaths.isValid(p)) // skips .incoming and .meta
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(paths.file(path));
        Files.deleteIfExists(paths.metadata(path));
    }

    private void fireFinalized(FinalizedUpload upload) {
        for (Consumer<FinalizedUpload> listener : listeners) {
            try {
                listener.accept(upload);
            } catch (RuntimeException e) {
                // The object is stored either way; the listener owns delivery and its retries.
                LOG.error("finalize listener failed for {}: {}", upload.path(), e.toString(), e);
            }
        }
    }

    private static void moveInPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeType(String path, String contentType) throws IOException {
        Path meta = paths.metadata(path);
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, contentType);
    }

    private String readType(String path) throws IOException {
        try {
            return Files.readString(paths.metadata(path)).strip();
        } catch (NoSuchFileException e) {
            return DEFAULT_TYPE;
        }
    }

    private void checkNotExpired(String exp, ErrorCode code, String message) {
        // Valid strictly before the expiry second: exp is the ceiling of issue time + ttl.
        if (clock.instant().getEpochSecond() >= parseLong(exp)) {
            throw new CoherenceException(code, message);
        }
    }

    private Instant expiry(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a signed URL needs a positive lifetime");
        }
        return clock.instant().plus(ttl).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static void requireValid(String path) {
        if (!BlobPaths.isValid(path)) {
            throw new IllegalArgumentException("not a valid object path: " + path);
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_INVALID, "the signed URL is malformed");
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    static CoherenceException tooLarge(long reserved) {
        return new CoherenceException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the body is larger than the " + reserved + " bytes reserved", Map.of("limit", reserved));
    }

    static CoherenceException tooShort(long got, long reserved) {
        return new CoherenceException(ErrorCode.INVALID_ARGUMENT,
                "the body has " + got + " bytes but the upload reserved exactly " + reserved);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
