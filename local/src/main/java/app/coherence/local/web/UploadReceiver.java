package app.coherence.local.web;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpReply;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one upload's body without holding a server thread (servlet non-blocking I/O): a thread is
 * busy only while bytes are there to read, so hundreds of stalled uploads leave the API, /healthz and
 * the task endpoint answering. {@link UploadWatch} ends it when it passes its deadline or falls below
 * the minimum rate. Every ending answers JSON and closes the connection.
 */
final class UploadReceiver implements ReadListener {
    private static final Logger LOG = LoggerFactory.getLogger(UploadReceiver.class);

    private final ReceivedBody upload;
    private final AsyncContext async;
    private final ServletInputStream in;
    private final UploadLimits limits;
    private final UploadWatch watch;
    private final long started = System.nanoTime();
    private final byte[] buffer = new byte[64 * 1024];
    private long windowStart = started;
    private long windowBytes;
    private boolean ended;
    /** After an error answer: when to stop reading what the client still sends, and how much is left to read. */
    private long lingerUntil;
    private long lingerBytes;
    private boolean lingering;

    /**
     * How long, and how much of an unwanted body, is read and dropped after an error answer before the
     * connection closes: closing with unread bytes makes the kernel reset the connection, and the client
     * can lose the answer it was sent (a re-PUT of 100 KB then saw no response at all).
     */
    private static final long LINGER_NANOS = 2_000_000_000L;
    private static final long LINGER_MAX_BYTES = 4L * 1024 * 1024;

    UploadReceiver(ReceivedBody upload, AsyncContext async, ServletInputStream in, UploadLimits limits, UploadWatch watch) {
        this.upload = upload;
        this.async = async;
        this.in = in;
        this.limits = limits;
        this.watch = watch;
    }

    /** A receiver for an upload refused before its body: it reads nothing and only answers. */
    static UploadReceiver refusal(AsyncContext async, ServletInputStream in, UploadWatch watch) {
        return new UploadReceiver(null, async, in, null, watch);
    }

    void refuse(CoherenceException e) {
        end(HttpReply.error(e));
    }

    @Override
    public void onDataAvailable() {
        if (lingerOn()) {
            return;
        }
        if (upload == null) {
            return;
        }
        try {
            while (in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                synchronized (this) {
                    if (ended) {
                        return;
                    }
                    upload.write(buffer, 0, n);
                    windowBytes += n;
                }
            }
        } catch (CoherenceException e) {
            end(HttpReply.error(e));
        } catch (IOException e) {
            end(HttpReply.error(new CoherenceException(ErrorCode.INVALID_ARGUMENT, "the upload broke off: " + e.getMessage())));
        }
    }

    @Override
    public void onAllDataRead() {
        synchronized (this) {
            if (lingering) {
                close();
                return;
            }
            if (ended || upload == null) {
                return;
            }
            try {
                end(upload.finish());
            } catch (CoherenceException e) {
                end(HttpReply.error(e));
            } catch (IOException e) {
                end(HttpReply.error(new CoherenceException(ErrorCode.UNAVAILABLE, "the upload could not be stored; try again")));
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        synchronized (this) {
            if (lingering) {
                close();
                return;
            }
        }
        if (upload != null) {
            LOG.info("upload of {} broke off after {} bytes: {}", upload.path(), upload.received(), failure.toString());
        }
        end(HttpReply.error(new CoherenceException(ErrorCode.INVALID_ARGUMENT, "the upload broke off; " + kept())));
    }

    /** Called every second by the watch: ends the upload when it is too slow or too long. */
    synchronized void check(long now) {
        if (lingering && now - lingerUntil > 0) {
            close();
            return;
        }
        if (ended) {
            return;
        }
        if (now - started > limits.deadline().toNanos()) {
            LOG.info("upload of {} passed its deadline after {} bytes", upload.path(), upload.received());
            end(HttpReply.error(new CoherenceException(ErrorCode.UPLOAD_TIMEOUT, "the upload took longer than "
                    + limits.deadline().toMinutes() + " minutes; " + kept())));
            return;
        }
        if (now - windowStart >= limits.rateWindow().toNanos()) {
            double seconds = (now - windowStart) / 1e9;
            if (windowBytes < limits.minBytesPerSecond() * seconds) {
                LOG.info("upload of {} too slow: {} bytes in {} s", upload.path(), windowBytes, Math.round(seconds));
                end(HttpReply.error(new CoherenceException(ErrorCode.UPLOAD_TIMEOUT, "the upload was slower than "
                        + limits.minBytesPerSecond() / 1024 + " KiB/s for " + limits.rateWindow().toSeconds()
                        + " s; " + kept())));
                return;
            }
            windowStart = now;
            windowBytes = 0;
        }
    }

    /** What is left of an upload that ended early, in the answer's words. */
    private String kept() {
        return upload != null && upload.keepsWhatArrived()
                ? "what arrived is kept: ask where to resume (Content-Range: bytes */SIZE) and send the rest"
                : "nothing was stored, reserve a new upload";
    }

    private synchronized void end(HttpReply reply) {
        if (ended) {
            return;
        }
        ended = true;
        watch.remove(this);
        if (upload != null) {
            upload.abort();
        }
        boolean linger = false;
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (!response.isCommitted()) {
                if (reply.status() >= 400) {
                    // whatever of the body is still coming is not wanted: the connection closes once what is on
                    // its way has been read and dropped (see LINGER_NANOS), the answer sent first
                    response.setHeader("Connection", "close");
                    linger = !in.isFinished();
                }
                ServletExchange.write(reply, response);
                response.flushBuffer();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not answer an upload: {}", e.toString());
            linger = false;
        }
        if (!linger) {
            close();
            return;
        }
        lingering = true;
        lingerUntil = System.nanoTime() + LINGER_NANOS;
        lingerBytes = LINGER_MAX_BYTES;
        watch.add(this); // the watch ends the lingering when the client sends no more
        if (in.isReady()) {
            lingerOn();
        }
    }

    /** Reads and drops what the client still sends after an error answer; true while lingering. */
    private synchronized boolean lingerOn() {
        if (!lingering) {
            return false;
        }
        try {
            while (in.isReady()) {
                int n = in.read(buffer);
                lingerBytes -= Math.max(n, 0);
                if (n < 0 || lingerBytes <= 0 || System.nanoTime() - lingerUntil > 0) {
                    close();
                    return true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            close();
        }
        return true;
    }

    /** Ends the exchange; the container closes the connection (the answer said so). */
    private synchronized void close() {
        if (lingering) {
            lingering = false;
            watch.remove(this);
        }
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container ended the request first (client gone)
        }
    }
}
