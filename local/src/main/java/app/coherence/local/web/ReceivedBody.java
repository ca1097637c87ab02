package app.coherence.local.web;

import app.coherence.core.http.HttpReply;
import app.coherence.embedded.blob.ChunkUpload;
import app.coherence.embedded.blob.IncomingUpload;
import app.coherence.embedded.blob.UploadProgress;
import java.io.IOException;
import java.util.Map;

/** A request body the blob endpoint reads piece by piece: a whole-file upload or one chunk of a session. */
interface ReceivedBody {

    String path();

    /** Bytes of this body received so far. */
    long received();

    void write(byte[] buffer, int offset, int length) throws IOException;

    /** The body ended: what to answer. */
    HttpReply finish() throws IOException;

    void abort();

    /** Whether an ended request keeps what arrived (a session's chunk), or nothing (a whole-file upload). */
    boolean keepsWhatArrived();

    static ReceivedBody of(IncomingUpload upload) {
        return new ReceivedBody() {
            public String path() { return upload.path(); }
            public long received() { return upload.received(); }
            public void write(byte[] b, int off, int len) throws IOException { upload.write(b, off, len); }
            public HttpReply finish() throws IOException {
                upload.finish();
                return new HttpReply(200, null, Map.of(), new byte[0]);
            }
            public void abort() { upload.abort(); }
            public boolean keepsWhatArrived() { return false; }
        };
    }

    static ReceivedBody of(ChunkUpload chunk) {
        return new ReceivedBody() {
            public String path() { return chunk.path(); }
            public long received() { return chunk.received(); }
            public void write(byte[] b, int off, int len) throws IOException { chunk.write(b, off, len); }
            public HttpReply finish() throws IOException { return answer(chunk.finish()); }
            public void abort() { chunk.abort(); }
            public boolean keepsWhatArrived() { return true; }
        };
    }

    /**
     * Cloud Storage's answers to a session: 200 once the object is stored; else 308 "resume incomplete"
     * with the bytes it has as {@code Range: bytes=0-LAST} (no Range when it has none).
     */
    static HttpReply answer(UploadProgress progress) {
        if (progress.complete()) {
            return new HttpReply(200, null, Map.of(), new byte[0]);
        }
        Map<String, String> headers = progress.received() > 0
                ? Map.of("Range", "bytes=0-" + (progress.received() - 1)) : Map.of();
        return new HttpReply(308, null, headers, new byte[0]);
    }
}
