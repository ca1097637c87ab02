package app.coherence.local.web;

import java.time.Duration;

/**
 * What an upload to the local blob endpoint may take: the whole body within {@code deadline} (the
 * signed URL's lifetime is an hour), and at least {@code minBytesPerSecond} over every
 * {@code rateWindow}, so a client trickling a byte now and then is cut off instead of holding a
 * connection for as long as it likes.
 */
public record UploadLimits(Duration deadline, long minBytesPerSecond, Duration rateWindow) {
    public UploadLimits {
        if (deadline.isNegative() || deadline.isZero() || rateWindow.isNegative() || rateWindow.isZero() || minBytesPerSecond < 0) {
            throw new IllegalArgumentException("upload limits need a positive deadline and window and a rate of 0 or more");
        }
    }
}
