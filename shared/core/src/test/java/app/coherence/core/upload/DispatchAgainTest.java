package app.coherence.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.testing.InMemoryBlobStore;
import app.coherence.core.testing.InMemoryVideos;
import app.coherence.core.testing.RecordingTaskQueue;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.VideoStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A video whose first task was used (the queue refuses that name for an hour) but which the store shows
 * unfinished, as after Firestore came back from an older copy, is dispatched again under a new name.
 */
class DispatchAgainTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final AuthenticatedUser ADA = new AuthenticatedUser("ada", "ada@example.com", "Ada");

    private final InMemoryVideos store = new InMemoryVideos(new QuotaPolicy(PlanLimits.defaults()));
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingTaskQueue tasks = new RecordingTaskQueue();
    private final UploadService uploads = new UploadService(UploadRules.defaults(), store, store, blobs, tasks,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private FinalizedUpload reservedAndStored(String videoId) throws Exception {
        String path = UploadRules.storagePath(ADA.uid(), videoId);
        blobs.put(path, "video/mp4", new byte[1000]);
        return new FinalizedUpload("bucket", path, 1000, "video/mp4");
    }

    @Test
    void acceptedUpload_whoseFirstTaskWasUsed_shouldBeDispatchedUnderANewName() throws Exception {
        String id = uploads.reserve(ADA, new UploadRequest("Talk", "video/mp4", 1000L)).videoId();
        tasks.enqueueAnalysis(id); // the task of a state the store has since lost

        uploads.acceptFinalized(reservedAndStored(id));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(tasks.tasks()).containsExactly(id, TaskQueue.againName(id, NOW));
    }

    @Test
    void duplicateFinalizeEvent_shouldStillEnqueueNothingNew() throws Exception {
        String id = uploads.reserve(ADA, new UploadRequest("Talk", "video/mp4", 1000L)).videoId();
        FinalizedUpload upload = reservedAndStored(id);

        uploads.acceptFinalized(upload);
        uploads.acceptFinalized(upload);

        assertThat(tasks.tasks()).containsExactly(id);
        assertThat(tasks.calls()).containsExactly(id, id);
    }
}
