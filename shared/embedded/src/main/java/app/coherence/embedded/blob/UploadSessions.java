package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-machine stand-in for Cloud Storage's resumable uploads. A session, opened through a signed
 * POST, takes the file in chunks (PUT with Content-Range) over as many requests and broken connections
 * as it needs; asked with {@code bytes *}{@code /TOTAL} it says how much arrived, so the client resumes
 * from there. Every byte that arrives is appended to the session's file and kept when a connection
 * breaks; the complete file is stored, and the finalize event fired, exactly once. Sessions live on
 * disk (a restart keeps them) until their signed URL expires.
 */
public final class UploadSessions {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSessions.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileSystemBlobStore store;
    private final Path dir;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> sending = ConcurrentHashMap.newKeySet();

    UploadSessions(FileSystemBlobStore store, Path dir, Clock clock) {
        this.store = store;
        this.dir = dir;
        this.clock = clock;
    }

    /** One session's fixed facts, kept beside its bytes. */
    private record Session(String id, String path, String contentType, long size, long expiresEpochSecond, boolean complete) {
    }

    /** Opens a session for an upload whose signed URL checked out; returns its id (unguessable: it is the capability). */
    String open(String path, String contentType, long size, long expiresEpochSecond) throws IOException {
        Files.createDirectories(dir);
        sweepExpired();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createFile(part(id));
        save(new Session(id, path, contentType, size, expiresEpochSecond, false));
        LOG.info("upload session opened for {} ({} bytes)", path, size);
        return id;
    }

    /**
     * Starts a request to a session: a chunk to append, or a status query. Everything that can be
     * checked before the body is: 404 for an unknown session, 403 once it expired, 400 for a range
     * that does not fit the upload or starts past what arrived, 409 while another request sends to it.
     */
    public ChunkUpload beginChunk(String uploadId, String contentRangeHeader, long contentLength) {
        Session session = load(uploadId);
        ContentRange range = ContentRange.parse(contentRangeHeader);
        if (range.total() != session.size()) {
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "this upload is " + session.size()
                    + " bytes, but the Content-Range says " + range.total());
        }
        if (range.isQuery() && contentLength > 0) {
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "a status query (bytes */TOTAL) has no body");
        }
        if (range.isQuery() || session.complete()) {
            // a chunk sent again to a complete upload (its answer was lost) is read and dropped: it is stored already
            return ChunkUpload.query(this, uploadId, session.path(), range.length());
        }
        if (clock.instant().getEpochSecond() >= session.expiresEpochSecond()) {
            throw new CoherenceException(ErrorCode.UPLOAD_URL_EXPIRED, "the upload session expired; reserve a new upload");
        }
        if (contentLength >= 0 && contentLength != range.length()) {
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "the chunk has " + contentLength
                    + " bytes but its Content-Range says " + range.length());
        }
        if (!sending.add(uploadId)) {
            throw new CoherenceException(ErrorCode.CONFLICT, "another request is sending to this upload; ask again in a moment");
        }
        long received = size(part(uploadId));
        if (range.first() > received) {
            sending.remove(uploadId);
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "this chunk starts at byte " + range.first()
                    + " but only " + received + " bytes have arrived; ask where to resume with Content-Range: bytes */"
                    + session.size(), Map.of("received", received));
        }
        // bytes this chunk repeats (a resend after a lost answer) are already stored: skip them
        return new ChunkUpload(this, uploadId, session.path(), range.length(), received - range.first());
    }

    /** How much of the session arrived; stores the file and fires the finalize event when it is all there. */
    UploadProgress settle(String uploadId) throws IOException {
        synchronized (lock(uploadId)) {
            Session session = load(uploadId);
            if (session.complete()) {
                return new UploadProgress(session.size(), session.size(), true);
            }
            long received = size(part(uploadId));
            if (received < session.size()) {
                return new UploadProgress(received, session.size(), false);
            }
            store.store(part(uploadId), session.path(), session.contentType(), session.size());
            save(new Session(uploadId, session.path(), session.contentType(), session.size(), session.expiresEpochSecond(), true));
            return new UploadProgress(session.size(), session.size(), true);
        }
    }

    OutputStream append(String uploadId) throws IOException {
        return Files.newOutputStream(part(uploadId), java.nio.file.StandardOpenOption.APPEND);
    }

    void release(String uploadId) {
        sending.remove(uploadId);
    }

    private Session load(String uploadId) {
        if (uploadId == null || !ID.matcher(uploadId).matches()) {
            throw notFound();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta(uploadId))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw notFound();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload session " + uploadId, e);
        }
        return new Session(uploadId, p.getProperty("path"), p.getProperty("contentType"), Long.parseLong(p.getProperty("size")),
                Long.parseLong(p.getProperty("expires")), Boolean.parseBoolean(p.getProperty("complete")));
    }

    private void save(Session s) throws IOException {
        Properties p = new Properties();
        p.setProperty("path", s.path());
        p.setProperty("contentType", s.contentType());
        p.setProperty("size", Long.toString(s.size()));
        p.setProperty("expires", Long.toString(s.expiresEpochSecond()));
        p.setProperty("complete", Boolean.toString(s.complete()));
        Path temp = dir.resolve(s.id() + ".session.tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, null);
        }
        Files.move(temp, meta(s.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes sessions past their expiry: their reservation is gone, so their bytes would never be analysed. */
    private void sweepExpired() {
        long now = clock.instant().getEpochSecond();
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(dir, "*.session")) {
            for (Path file : sessions) {
                String id = file.getFileName().toString().replace(".session", "");
                try {
                    if (load(id).expiresEpochSecond() <= now && !sending.contains(id)) {
                        Files.deleteIfExists(part(id));
                        Files.deleteIfExists(file);
                        locks.remove(id);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("unreadable upload session {}: {}", id, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep expired upload sessions: {}", e.getMessage());
        }
    }

    private Object lock(String uploadId) {
        return locks.computeIfAbsent(uploadId, k -> new Object());
    }

    private Path part(String uploadId) {
        return dir.resolve(uploadId + ".part");
    }

    private Path meta(String uploadId) {
        return dir.resolve(uploadId + ".session");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0; // moved in place by a completing chunk
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CoherenceException notFound() {
        return new CoherenceException(ErrorCode.NOT_FOUND, "no such upload session (it expired or never existed); start the upload again");
    }
}
