package app.coherence.core.history;

/**
 * The last video of a page in its sort order: the value it was sorted by (an ISO instant string,
 * an Integer score, a title, or null for a video without a score) and its id, the tie breaker.
 */
public record ListPosition(Object sortValue, String videoId) {
}
