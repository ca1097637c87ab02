package app.coherence.core.history;

import app.coherence.core.video.VideoStatus;

/**
 * One page request of a user's history: {@code status} is null for every status, {@code after}
 * null for the first page. Deleted videos are never part of a listing.
 */
public record VideoListQuery(String userId, VideoSort sort, SortOrder order, VideoStatus status,
                             ListPosition after, int limit) {
}
