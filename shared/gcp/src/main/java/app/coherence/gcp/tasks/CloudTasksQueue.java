package app.coherence.gcp.tasks;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.TaskQueue;
import app.coherence.core.json.Json;
import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.QueueName;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.ByteString;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analysis jobs as Cloud Tasks: an HTTP POST of {@code {"videoId"}} to the analysis service, carrying an
 * OIDC token of the invoker service account (Cloud Run checks it), named {@code .../tasks/{videoId}} so a
 * second enqueue of the same video is refused by Cloud Tasks itself (ALREADY_EXISTS → false).
 */
public class CloudTasksQueue implements TaskQueue {
    private static final Logger log = LoggerFactory.getLogger(CloudTasksQueue.class);

    private final CloudTasksClient client;
    private final QueueName queue;
    private final String targetUrl;
    private final String invokerServiceAccount;
    private final String audience;

    /**
     * @param targetUrl             the analysis service's task endpoint, e.g. https://analysis-xyz.a.run.app/tasks/analyze
     * @param invokerServiceAccount the service account whose OIDC token the task carries
     * @param audience              the token's audience (Cloud Run: the service URL)
     */
    public CloudTasksQueue(CloudTasksClient client, QueueName queue, String targetUrl, String invokerServiceAccount,
                           String audience) {
        this.client = client;
        this.queue = queue;
        this.targetUrl = targetUrl;
        this.invokerServiceAccount = invokerServiceAccount;
        this.audience = audience;
    }

    @Override
    public boolean enqueueAnalysis(String videoId) {
        return enqueue(videoId, videoId);
    }

    @Override
    public boolean enqueueAnalysisAgain(String videoId, java.time.Instant leftAt) {
        return enqueue(TaskQueue.againName(videoId, leftAt), videoId);
    }

    private boolean enqueue(String name, String videoId) {
        Task task = Task.newBuilder()
                .setName(queue + "/tasks/" + name)
                .setHttpRequest(HttpRequest.newBuilder()
                        .setUrl(targetUrl)
                        .setHttpMethod(HttpMethod.POST)
                        .putHeaders("Content-Type", "application/json")
                        .setBody(ByteString.copyFrom(Json.bytes(Map.of("videoId", videoId))))
                        .setOidcToken(OidcToken.newBuilder()
                                .setServiceAccountEmail(invokerServiceAccount)
                                .setAudience(audience)))
                .build();
        try {
            client.createTask(queue, task);
            log.info("analysis task {} enqueued for video {}", name, videoId);
            return true;
        } catch (ApiException e) {
            if (isDuplicate(e)) {
                log.info("analysis task {} for video {} exists already: nothing enqueued", name, videoId);
                return false;
            }
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "enqueuing the analysis of video " + videoId
                    + " failed: " + e.getStatusCode().getCode() + " " + e.getMessage(), Map.of(), e);
        }
    }

    /**
     * ALREADY_EXISTS over gRPC; over the HTTP/JSON transport gax reports Cloud Tasks' 409 as ABORTED, so the
     * HTTP status decides there.
     */
    static boolean isDuplicate(ApiException e) {
        if (e instanceof AlreadyExistsException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException http && http.getStatusCode() == 409) {
                return true;
            }
        }
        return false;
    }
}
