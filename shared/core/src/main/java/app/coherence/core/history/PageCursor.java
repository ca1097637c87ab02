package app.coherence.core.history;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.json.Json;
import app.coherence.core.video.VideoStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of a listing: base64url of a small JSON naming the sort, order and status
 * filter it belongs to plus the last position. A cursor is only accepted with the same sort, order
 * and filter, so a client can never skip or repeat videos by mixing them.
 */
public final class PageCursor {
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_LENGTH = 1024;

    private PageCursor() {
    }

    public static String encode(VideoSort sort, SortOrder order, VideoStatus status, ListPosition position) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("s", sort.wireName());
        fields.put("o", order.wireName());
        fields.put("f", status == null ? "" : status.wireName());
        fields.put("v", position.sortValue());
        fields.put("id", position.videoId());
        // Json omits nulls; a score-less position is written as an explicit "n" flag instead.
        if (position.sortValue() == null) {
            fields.put("n", true);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(fields));
    }

    /** Reads a cursor made by {@link #encode} for this sort, order and filter; 400 INVALID_ARGUMENT otherwise. */
    public static ListPosition decode(String cursor, VideoSort sort, SortOrder order, VideoStatus status) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            node = Json.mapper().readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (node == null || !node.isObject()) {
            throw invalid();
        }
        String filter = status == null ? "" : status.wireName();
        if (!sort.wireName().equals(node.path("s").asText(null)) || !order.wireName().equals(node.path("o").asText(null))
                || !filter.equals(node.path("f").asText(null))) {
            throw CoherenceException.invalid("cursor belongs to a listing with another sort, order or status; start again without a cursor");
        }
        String id = node.path("id").asText("");
        if (!VIDEO_ID.matcher(id).matches()) {
            throw invalid();
        }
        return new ListPosition(sortValue(sort, node), id);
    }

    private static Object sortValue(VideoSort sort, JsonNode node) {
        JsonNode v = node.get("v");
        if (node.path("n").asBoolean(false) && v == null && sort == VideoSort.COHERENCE_SCORE) {
            return null;
        }
        if (v == null) {
            throw invalid();
        }
        switch (sort) {
            case CREATED_AT -> {
                if (!v.isTextual()) {
                    throw invalid();
                }
                try {
                    return Instant.parse(v.asText()).toString();
                } catch (DateTimeParseException e) {
                    throw invalid();
                }
            }
            case COHERENCE_SCORE -> {
                if (!v.isInt() || v.asInt() < 0 || v.asInt() > 100) {
                    throw invalid();
                }
                return v.asInt();
            }
            case TITLE -> {
                if (!v.isTextual()) {
                    throw invalid();
                }
                return v.asText();
            }
            default -> throw invalid();
        }
    }

    private static CoherenceException invalid() {
        return CoherenceException.invalid("cursor is not valid; use the nextCursor of a previous page");
    }
}
