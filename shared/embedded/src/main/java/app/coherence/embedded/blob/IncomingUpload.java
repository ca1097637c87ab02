package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.FinalizedUpload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One upload whose URL checked out, receiving its body piece by piece (so a server may read it without
 * holding a thread): written to a temporary file, refused the moment it passes the reserved size, and
 * moved in place by {@link #finish} only when exactly complete. {@link #abort} (safe to repeat, and
 * after finish) deletes what was received.
 */
public final class IncomingUpload {
    private final FileSystemBlobStore store;
    private final String path;
    private final String contentType;
    private final long reserved;
    private Path temp;
    private OutputStream out;
    private long received;
    private boolean closed;

    IncomingUpload(FileSystemBlobStore store, String path, String contentType, long reserved) {
        this.store = store;
        this.path = path;
        this.contentType = contentType;
        this.reserved = reserved;
        if (!store.claim(path)) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this object is being uploaded by another request");
        }
        try {
            if (store.exists(path)) {
                throw new CoherenceException(ErrorCode.CONFLICT, "this upload URL was already used; the object exists");
            }
            temp = store.incomingFile();
            out = Files.newOutputStream(temp);
        } catch (IOException | RuntimeException e) {
            abort();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new java.io.UncheckedIOException(e.getMessage(), (IOException) e);
        }
    }

    public String path() {
        return path;
    }

    /** Bytes received so far. */
    public synchronized long received() {
        return received;
    }

    /** Bytes still expected before the body is complete. */
    public synchronized long room() {
        return reserved - received;
    }

    /** Appends a piece of the body; 413 PAYLOAD_TOO_LARGE (nothing kept) once it passes the reserved size. */
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this upload was already ended");
        }
        if (received + length > reserved) {
            abort();
            throw FileSystemBlobStore.tooLarge(reserved);
        }
        out.write(buffer, offset, length);
        received += length;
    }

    /** The body ended: stores the object and fires the finalize event, or 400 when it is shorter than reserved. */
    public synchronized FinalizedUpload finish() throws IOException {
        if (closed) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this upload was already ended");
        }
        try {
            out.close();
            if (received < reserved) {
                throw FileSystemBlobStore.tooShort(received, reserved);
            }
            return store.store(temp, path, contentType, reserved);
        } finally {
            abort();
        }
    }

    /** Ends the upload keeping nothing of it (a no-op once ended). */
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out != null) {
                out.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // a leftover .part file in incoming/ is harmless and never read
        } finally {
            store.release(path);
        }
    }
}
