package app.coherence.embedded.blob;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of an HTTP Range header (RFC 9110), resolved against an object's size. */
record ByteRange(long offset, long length) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * Resolves a Range header: empty when the header is absent, malformed or asks for several
     * ranges (the whole object is then sent, as RFC 9110 allows); a zero-length range when it
     * cannot be satisfied.
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return Optional.of(unsatisfiable());
                }
                long length = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - length, length));
            }
            long first = Long.parseLong(m.group(1));
            if (first >= size) {
                return Optional.of(unsatisfiable());
            }
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();
            }
            last = Math.min(last, size - 1);
            return Optional.of(new ByteRange(first, last - first + 1));
        } catch (NumberFormatException tooBig) {
            return Optional.empty();
        }
    }

    static ByteRange unsatisfiable() {
        return new ByteRange(0, 0);
    }

    boolean isSatisfiable() {
        return length > 0;
    }
}
