package app.coherence.local.web;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.QueryString;
import app.coherence.embedded.blob.BlobDownload;
import app.coherence.embedded.blob.FileSystemBlobStore;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the signed blob URLs the local blob store hands out: PUT /blobs/upload (the local
 * stand-in for a Cloud Storage signed upload, read without holding a thread and bounded by
 * {@link UploadLimits}), POST /blobs/upload with {@code x-goog-resumable: start} (opens a resumable
 * session, 201 with its Location), PUT /blobs/session (a chunk with Content-Range, or a status query:
 * 308 with the Range received, 200 once stored) and GET/HEAD /blobs/download (playback, with Range).
 */
public final class BlobServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(BlobServlet.class);

    private final transient FileSystemBlobStore store;
    private final transient UploadLimits limits;
    private final transient UploadWatch watch = new UploadWatch();

    public BlobServlet(FileSystemBlobStore store, UploadLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** Uploads being received now (each holds a connection, none a thread while it waits for bytes). */
    public int uploadsRunning() {
        return watch.running();
    }

    @Override
    public void destroy() {
        watch.close();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        allowCrossOrigin(response);
        if (request.getMethod().equals("OPTIONS")) {
            response.setStatus(204);
            return;
        }
        try {
            if (path.equals(FileSystemBlobStore.UPLOAD_PATH) && request.getMethod().equals("POST")) {
                openSession(request, response);
            } else if (path.equals(FileSystemBlobStore.UPLOAD_PATH)) {
                upload(request, response);
            } else if (path.equals(FileSystemBlobStore.SESSION_PATH)) {
                chunk(request, response);
            } else if (path.equals(FileSystemBlobStore.DOWNLOAD_PATH)) {
                download(request, response);
            } else {
                throw new CoherenceException(ErrorCode.NOT_FOUND, "no such endpoint: " + path);
            }
        } catch (CoherenceException e) {
            if (!response.isCommitted()) {
                response.reset();
                allowCrossOrigin(response);
                ServletExchange.write(HttpReply.error(e), response);
            }
        }
    }

    /**
     * Signed URLs are capabilities, not cookies: any origin may use them (as with a Cloud Storage
     * bucket's CORS policy), so the web client works at localhost as well as 127.0.0.1.
     */
    private static void allowCrossOrigin(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "PUT, POST, GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type, Range, Content-Range, " + FileSystemBlobStore.RESUMABLE_HEADER);
        response.setHeader("Access-Control-Expose-Headers", "Content-Range, Accept-Ranges, Content-Length, Range, Location");
        response.setHeader("Access-Control-Max-Age", "3600");
    }

    private void openSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > 0) {
            throw new CoherenceException(ErrorCode.INVALID_ARGUMENT, "opening an upload session takes no body; PUT the chunks to its Location");
        }
        String location = store.openSession(QueryString.firstValues(request.getQueryString()), request.getContentType(),
                request.getHeader(FileSystemBlobStore.RESUMABLE_HEADER));
        response.setStatus(201);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("PUT")) {
            throw new CoherenceException(ErrorCode.METHOD_NOT_ALLOWED, "upload URLs take PUT (or POST with "
                    + FileSystemBlobStore.RESUMABLE_HEADER + ": start to open a resumable session)");
        }
        receive(request, () -> ReceivedBody.of(store.beginUpload(QueryString.firstValues(request.getQueryString()),
                request.getContentType(), request.getContentLengthLong())));
    }

    private void chunk(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("PUT")) {
            throw new CoherenceException(ErrorCode.METHOD_NOT_ALLOWED, "upload sessions take PUT with Content-Range");
        }
        receive(request, () -> ReceivedBody.of(store.sessions().beginChunk(QueryString.firstValues(request.getQueryString()).get("upload_id"),
                request.getHeader("Content-Range"), request.getContentLengthLong())));
    }

    /** Reads a body without holding a thread, after {@code begin} checked everything the headers tell. */
    private void receive(HttpServletRequest request, java.util.function.Supplier<ReceivedBody> begin) throws IOException {
        // the URL, type and length are checked before any byte of the body is read
        ReceivedBody upload;
        try {
            upload = begin.get();
        } catch (CoherenceException e) {
            // answered in non-blocking mode too: a blocking answer would make the server drain the
            // unwanted body, holding a thread for as long as the client stalls
            AsyncContext async = request.startAsync();
            ServletInputStream in = request.getInputStream();
            UploadReceiver refusal = UploadReceiver.refusal(async, in, watch);
            in.setReadListener(refusal);
            refusal.refuse(e);
            return;
        }
        try {
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // the watch enforces the deadline and the rate, answering JSON
            ServletInputStream in = request.getInputStream();
            UploadReceiver receiver = new UploadReceiver(upload, async, in, limits, watch);
            watch.add(receiver);
            in.setReadListener(receiver);
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean head = request.getMethod().equals("HEAD");
        if (!head && !request.getMethod().equals("GET")) {
            throw new CoherenceException(ErrorCode.METHOD_NOT_ALLOWED, "download URLs take GET or HEAD");
        }
        BlobDownload blob = store.openDownload(QueryString.firstValues(request.getQueryString()),
                request.getHeader("Range"));
        response.setStatus(blob.status());
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, max-age=300");
        if (blob.contentRange() != null) {
            response.setHeader("Content-Range", blob.contentRange());
        }
        if (blob.status() == 416) {
            response.setContentLength(0);
            return;
        }
        response.setContentType(blob.contentType());
        response.setContentLengthLong(blob.length());
        if (!head) {
            try {
                blob.writeTo(response.getOutputStream());
            } catch (IOException e) {
                // Players abort requests when they seek; nothing to answer any more.
                LOG.debug("download of {} interrupted: {}", request.getParameter("path"), e.getMessage());
            }
        }
    }
}
