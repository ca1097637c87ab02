package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * One request to a resumable upload session, receiving its body piece by piece like
 * {@link IncomingUpload}: the chunk's bytes are appended as they arrive (skipping any the session
 * already has), and {@link #finish} says how much of the upload is there, storing it when complete.
 * Unlike a whole-file upload, {@link #abort} keeps what arrived: that is what the client resumes from.
 */
public final class ChunkUpload {
    private final UploadSessions sessions;
    private final String uploadId;
    private final String path;
    private final long declared;
    private final boolean query;
    private long skip;
    private long bodyBytes;
    private OutputStream out;
    private boolean closed;

    ChunkUpload(UploadSessions sessions, String uploadId, String path, long declared, long skip) {
        this(sessions, uploadId, path, declared, skip, false);
    }

    private ChunkUpload(UploadSessions sessions, String uploadId, String path, long declared, long skip, boolean query) {
        this.sessions = sessions;
        this.uploadId = uploadId;
        this.path = path;
        this.declared = declared;
        this.skip = skip;
        this.query = query;
    }

    /** A status query, or a chunk to a session that is already complete (its body dropped): only the answer. */
    static ChunkUpload query(UploadSessions sessions, String uploadId, String path, long bodyToDrop) {
        return new ChunkUpload(sessions, uploadId, path, bodyToDrop, bodyToDrop, true);
    }

    public String path() {
        return path;
    }

    /** Bytes of this request's body received so far. */
    public synchronized long received() {
        return bodyBytes;
    }

    /** Appends a piece of the chunk; 400 (keeping what came before it) once the body passes its Content-Range. */
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this request was already ended");
        }
        if (bodyBytes + length > declared) {
            abort();
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT,
                    "the body is longer than its Content-Range (" + declared + " bytes)");
        }
        bodyBytes += length;
        int drop = (int) Math.min(skip, length);
        skip -= drop;
        if (length > drop) {
            if (out == null) {
                out = sessions.append(uploadId);
            }
            out.write(buffer, offset + drop, length - drop);
        }
    }

    /**
     * The body ended: how much of the upload is there now (stored and finalized once complete), or 400
     * when the chunk was shorter than its Content-Range (what arrived is kept).
     */
    public synchronized UploadProgress finish() throws IOException {
        if (closed) {
            throw new CoherenceException(ErrorCode.CONFLICT, "this request was already ended");
        }
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (bodyBytes < declared) {
                UploadProgress now = sessions.settle(uploadId);
                throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "the chunk ended after " + bodyBytes + " of "
                        + declared + " bytes; " + now.received() + " bytes of the upload are kept, resume from there",
                        Map.of("received", now.received()));
            }
            return sessions.settle(uploadId);
        } finally {
            abort();
        }
    }

    /** Ends the request, keeping every byte that arrived (a no-op once ended). */
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // what reached the file stays; the status query reports it
        } finally {
            if (!query) {
                sessions.release(uploadId);
            }
        }
    }
}
