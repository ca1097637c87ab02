package app.coherence.core.video;

import app.coherence.core.error.CoherenceException;

/**
 * The one rule for a video's title, used by every endpoint that takes one (reserve, rename): trimmed,
 * 1-200 characters, no control characters and no bidirectional overrides (they make a title display
 * as something other than what it is).
 */
public final class VideoTitle {
    /** Long enough for any talk's name, short enough for a history row. */
    public static final int MAX_LENGTH = 200;
    /** What a reservation without a title is called. */
    public static final String UNTITLED = "Untitled talk";

    private VideoTitle() {
    }

    /** The clean title; 400 INVALID_ARGUMENT when it is missing or breaks the rule. */
    public static String required(String raw) {
        if (raw == null) {
            throw CoherenceException.invalid("title is required");
        }
        String clean = raw.strip();
        if (clean.isEmpty()) {
            throw CoherenceException.invalid("title must not be blank");
        }
        if (clean.length() > MAX_LENGTH) {
            throw CoherenceException.invalid("title must be at most " + MAX_LENGTH + " characters, was " + clean.length());
        }
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) || isBidiControl(c))) {
            throw CoherenceException.invalid("title must not contain control or text-direction characters");
        }
        return clean;
    }

    /** As {@link #required}, but a missing or blank title becomes {@link #UNTITLED}. */
    public static String orUntitled(String raw) {
        return raw == null || raw.isBlank() ? UNTITLED : required(raw);
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
