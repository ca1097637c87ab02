package app.coherence.core.analysis;

/**
 * Something wrong with the user's file that did not stop the analysis, with the stretch of the talk it
 * concerns (seconds), e.g. a damaged stretch that could not be decoded and was left out.
 */
public record MediaWarning(Code code, String message, double startSeconds, double endSeconds) {

    /** The kinds of warning about a file. */
    public enum Code {
        /** Part of the file could not be decoded (corrupt bytes); that stretch was heard as silence and not seen. */
        DAMAGED_STRETCH
    }
}
