package app.coherence.core.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored object readable as a local file: the store's own file (a mounted bucket, the local file
 * system), or a copy made for the reader, which closing removes.
 */
public record LocalBlob(Path file, boolean isCopy) implements AutoCloseable {

    /** The store's own file: read it in place, never delete it. */
    public static LocalBlob inPlace(Path file) {
        return new LocalBlob(file, false);
    }

    /** A copy made for this reader, removed on close. */
    public static LocalBlob copy(Path file) {
        return new LocalBlob(file, true);
    }

    @Override
    public void close() throws IOException {
        if (isCopy) {
            Files.deleteIfExists(file);
        }
    }
}
