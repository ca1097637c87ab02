package app.coherence.core.history;

import app.coherence.core.video.Video;
import java.util.List;

/** Port: reads one user's videos in a stable order (sort field, then video id, same direction). */
public interface VideoListing {

    /**
     * Up to {@code query.limit()} videos of the user that are not deleted, in the query's order,
     * starting strictly after {@code query.after()}.
     */
    List<Video> list(VideoListQuery query);
}
