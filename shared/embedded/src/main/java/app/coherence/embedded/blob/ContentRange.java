package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Range of a request to a resumable upload session, as Cloud Storage reads it:
 * {@code bytes FIRST-LAST/TOTAL} for a chunk, {@code bytes *}{@code /TOTAL} to ask how much arrived.
 *
 * @param first first byte of the chunk, or -1 for a status query
 * @param last  last byte of the chunk (inclusive), or -1 for a status query
 * @param total size of the whole upload
 */
record ContentRange(long first, long last, long total) {
    private static final Pattern CHUNK = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");
    private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d{1,18})");

    /** A status query ("how much of it do you have?") rather than a chunk. */
    boolean isQuery() {
        return first < 0;
    }

    long length() {
        return isQuery() ? 0 : last - first + 1;
    }

    /** Parses the header; 400 INVALID_ARGUMENT naming the expected shape when it is missing or malformed. */
    static ContentRange parse(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("a request to an upload session needs a Content-Range header");
        }
        String value = header.trim();
        Matcher query = QUERY.matcher(value);
        if (query.matches()) {
            return new ContentRange(-1, -1, Long.parseLong(query.group(1)));
        }
        Matcher chunk = CHUNK.matcher(value);
        if (!chunk.matches()) {
            throw invalid("Content-Range must be \"bytes FIRST-LAST/TOTAL\" or \"bytes */TOTAL\", got \"" + shorten(value) + "\"");
        }
        long first = Long.parseLong(chunk.group(1));
        long last = Long.parseLong(chunk.group(2));
        long total = Long.parseLong(chunk.group(3));
        if (last < first) {
            throw invalid("Content-Range " + value + " ends before it starts");
        }
        if (last >= total) {
            throw invalid("Content-Range " + value + " reaches past the end of the upload");
        }
        return new ContentRange(first, last, total);
    }

    private static CoherenceException invalid(String message) {
        return new CoherenceException(ErrorCode.INVALID_ARGUMENT, message);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
