package app.coherence.core.history;

import app.coherence.core.video.Video;
import java.time.Instant;
import java.util.List;

/** Port: soft-deleted videos waiting for their stored files to be removed. */
public interface DeletedVideos {

    /** Up to {@code limit} videos deleted before {@code cutoff}. */
    List<Video> deletedBefore(Instant cutoff, int limit);

    /** Removes what is left of a video once its files are gone: its status document and result. */
    void purge(String videoId);
}
