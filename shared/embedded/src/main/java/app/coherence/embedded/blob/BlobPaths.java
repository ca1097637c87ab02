package app.coherence.embedded.blob;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Maps object paths to files under the store's root, refusing anything that could escape it:
 * every segment is a plain name (letters, digits, '.', '_', '-', not starting with a dot).
 */
final class BlobPaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
    private static final int MAX_SEGMENTS = 16;

    private final Path root;

    BlobPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    static boolean isValid(String path) {
        if (path == null || path.isEmpty() || path.length() > 1024) {
            return false;
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return false;
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The file of an object; throws IllegalArgumentException for a path that is not a plain object name. */
    Path file(String path) {
        if (!isValid(path)) {
            throw new IllegalArgumentException("not a valid object path: " + path);
        }
        Path file = root.resolve(path).normalize();
        // Belt and braces: the pattern already forbids '..', but the invariant is what matters.
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("object path escapes the store: " + path);
        }
        return file;
    }

    /** Where the content type of an object is kept (a sidecar tree no object path can reach). */
    Path metadata(String path) {
        file(path);
        return root.resolve(".meta").resolve(path + ".type");
    }

    /** The directory incomplete uploads are written to before they are moved in place. */
    Path incoming() {
        return root.resolve(".incoming");
    }
}
