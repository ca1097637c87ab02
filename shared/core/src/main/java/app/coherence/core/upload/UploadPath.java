package app.coherence.core.upload;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of an upload's object path: {@code uploads/{userId}/{videoId}}. */
public record UploadPath(String userId, String videoId) {
    private static final Pattern PATH = Pattern.compile("uploads/([A-Za-z0-9_-]{1,128})/([A-Za-z0-9_-]{1,128})");

    public static Optional<UploadPath> parse(String path) {
        Matcher m = PATH.matcher(path == null ? "" : path);
        return m.matches() ? Optional.of(new UploadPath(m.group(1), m.group(2))) : Optional.empty();
    }
}
