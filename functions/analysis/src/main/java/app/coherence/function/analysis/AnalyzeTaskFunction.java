package app.coherence.function.analysis;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.job.AnalysisJob;
import app.coherence.core.job.JobOutcome;
import app.coherence.core.job.TaskCallerCheck;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /tasks/analyze {videoId}: one delivery of an analysis task. Only the task queue may call it.
 * The status code is the queue's instruction: 2xx = done (completed, rejected media, unknown video,
 * nothing to do), 409 = another attempt holds the video, 503 = a transient failure, try again.
 * A malformed body is a bug of the sender and gets 400; Cloud Tasks retries 4xx too, so such a task
 * ends after the queue's max attempts, which is the right fate for a task nobody can run.
 */
public class AnalyzeTaskFunction {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeTaskFunction.class);

    private final TaskCallerCheck callerCheck;
    private final AnalysisJob job;

    public AnalyzeTaskFunction(TaskCallerCheck callerCheck, AnalysisJob job) {
        this.callerCheck = callerCheck;
        this.job = job;
    }

    /** The request body. */
    record AnalyzeTask(String videoId) {
    }

    public HttpReply analyze(HttpCall call) {
        callerCheck.verify(call);
        AnalyzeTask task = call.jsonBody(AnalyzeTask.class);
        if (task.videoId() == null || task.videoId().isBlank()) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "videoId is required");
        }
        JobOutcome outcome = job.run(task.videoId());
        return switch (outcome) {
            case BUSY -> HttpReply.error(ErrorCode.ALREADY_PROCESSING,
                    "video " + task.videoId() + " is being analysed by another attempt", Map.of("outcome", outcome.name()));
            case RETRY -> HttpReply.error(ErrorCode.UNAVAILABLE,
                    "analysis of " + task.videoId() + " failed for now; retry", Map.of("outcome", outcome.name()));
            default -> {
                if (outcome.shouldRetry()) {
                    LOG.error("outcome {} asks for a retry but has no reply of its own", outcome);
                    yield HttpReply.error(ErrorCode.UNAVAILABLE, "retry", Map.of("outcome", outcome.name()));
                }
                yield HttpReply.json(200, Map.of("videoId", task.videoId(), "outcome", outcome.name()));
            }
        };
    }
}
