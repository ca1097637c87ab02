package app.coherence.core.history;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.video.VideoStatus;

/** The raw listing parameters as a client sent them (null = absent), validated by {@link #toQuery}. */
public record ListRequest(String limit, String cursor, String sort, String order, String status) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Validates every parameter, answering 400 INVALID_ARGUMENT with the reason. */
    public VideoListQuery toQuery(String userId) {
        int size = parseLimit();
        VideoSort s = sort == null ? VideoSort.CREATED_AT : VideoSort.fromWire(sort);
        SortOrder o = order == null ? SortOrder.DESC : SortOrder.fromWire(order);
        VideoStatus f = status == null ? null : parseStatus();
        ListPosition after = cursor == null ? null : PageCursor.decode(cursor, s, o, f);
        return new VideoListQuery(userId, s, o, f, after, size);
    }

    private int parseLimit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CoherenceException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limit + "'");
    }

    private VideoStatus parseStatus() {
        for (VideoStatus s : VideoStatus.values()) {
            if (s.wireName().equals(status)) {
                return s;
            }
        }
        throw CoherenceException.invalid("status must be one of awaiting_upload, queued, processing, completed, failed, was '"
                + status + "'");
    }
}
