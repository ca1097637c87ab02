package app.coherence.core.history;

import java.util.List;

/** A page of the history listing; {@code nextCursor} is null on the last page. */
public record VideoPage(List<VideoSummary> items, String nextCursor) {
}
