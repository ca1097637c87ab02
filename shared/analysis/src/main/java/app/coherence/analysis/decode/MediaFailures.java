package app.coherence.analysis.decode;

import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user's file from our own faults while decoding: an error raised by OpenCV or FFmpeg on the
 * frames and samples of the file is the file's (INVALID_MEDIA, never retried); anything else, such as a
 * cancelled attempt or a failing sink of ours, passes through unchanged and is retried as ours.
 */
final class MediaFailures {
    private static final Logger LOG = LoggerFactory.getLogger(MediaFailures.class);

    private MediaFailures() {
    }

    static RuntimeException classify(RuntimeException e, String track) {
        if (e instanceof MediaRejectedException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SinkFailure) {
                return e; // our code on a frame that decoded fine: ours, retried
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (fromMediaLibrary(t)) {
                // the cause stays in the log: the user sees only that the file could not be read
                LOG.warn("the {} track failed in the media library: {}", track, t.getMessage());
                return new MediaRejectedException(ErrorCode.INVALID_MEDIA,
                        "the " + track + " track cannot be decoded (damaged or unusual file)");
            }
        }
        return e;
    }

    /** OpenCV's errors come as plain RuntimeExceptions whose message starts "OpenCV(version)"; javacv's carry its package. */
    private static boolean fromMediaLibrary(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return message.startsWith("OpenCV(") || t.getClass().getName().startsWith("org.bytedeco.");
    }
}
