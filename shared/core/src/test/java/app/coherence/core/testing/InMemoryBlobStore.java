package app.coherence.core.testing;

import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.SignedUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: blobs held in memory; signed URLs are plain descriptions (nothing serves them). */
public class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public SignedUrl signUpload(String path, String contentType, long sizeBytes, Duration ttl) {
        return new SignedUrl("memory://upload/" + path, Instant.EPOCH.plus(ttl));
    }

    @Override
    public SignedUrl signDownload(String path, Duration ttl) {
        return new SignedUrl("memory://download/" + path, Instant.EPOCH.plus(ttl));
    }

    @Override
    public Optional<Long> size(String path) {
        return Optional.ofNullable(blobs.get(path)).map(b -> (long) b.length);
    }

    @Override
    public void download(String path, Path target) throws IOException {
        byte[] content = blobs.get(path);
        if (content == null) {
            throw new NoSuchFileException(path);
        }
        Files.write(target, content);
    }

    @Override
    public void put(String path, String contentType, byte[] content) {
        blobs.put(path, content.clone());
    }

    @Override
    public void delete(String path) {
        blobs.remove(path);
    }
}
