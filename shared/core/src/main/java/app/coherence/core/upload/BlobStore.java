package app.coherence.core.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: where uploaded videos and derived files (thumbnails) live, and the signed URLs that reach them. */
public interface BlobStore {

    /**
     * A URL the client PUTs exactly {@code sizeBytes} bytes of {@code contentType} to, valid for {@code ttl}.
     * Uploading through it fires the finalize event that starts the analysis.
     */
    SignedUrl signUpload(String path, String contentType, long sizeBytes, Duration ttl);

    /**
     * A URL the client POSTs to, with the returned headers (among them {@code x-goog-resumable: start}),
     * to open a resumable upload session for the same object: the answer's Location takes the file in
     * chunks ({@code PUT} with {@code Content-Range}) and, asked with {@code Content-Range: bytes *}{@code /SIZE},
     * says how much arrived, so an upload broken off by the network resumes instead of starting over.
     * Empty when the store has no such sessions (the client then PUTs the whole file).
     */
    default Optional<SignedUrl> signResumableUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        return Optional.empty();
    }

    /** A URL to GET (and seek in) a stored object, valid for {@code ttl}. */
    SignedUrl signDownload(String path, Duration ttl);

    /** Size of a stored object, or empty when there is none. */
    Optional<Long> size(String path);

    /** Copies a stored object to a local file. */
    void download(String path, Path target) throws IOException;

    /**
     * A stored object as a local file to read: the store's own file where it has one (no copy, so a
     * video of gigabytes needs neither the time nor the disk or memory of a download), else a copy
     * downloaded into {@code workDir}. Close it when done: that removes a copy, never the object.
     */
    default LocalBlob openLocally(String path, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path copy = Files.createTempFile(workDir, "blob-", ".bin");
        try {
            download(path, copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return LocalBlob.copy(copy);
    }

    /** Stores small derived content (thumbnails) directly. */
    void put(String path, String contentType, byte[] content) throws IOException;

    /**
     * Paths of the stored objects under {@code prefix} (e.g. "uploads/"), for the reconciliation sweep.
     * A store that cannot list returns none, and then only finds no orphans.
     */
    default List<String> list(String prefix) throws IOException {
        return List.of();
    }

    /** Removes an object; removing a missing one is not an error. */
    void delete(String path) throws IOException;
}
