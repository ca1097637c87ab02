package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.gcp.Deadlines;
import com.google.api.core.ApiFuture;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.FirestoreException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure policy of every Firestore store. An exception thrown by our own code inside a
 * transaction comes out as it was; contention is retried by the transaction itself (each store sets
 * its attempts), and what is left of it, a transient failure, a deadline or no answer within
 * {@link Deadlines#FIRESTORE} becomes UNAVAILABLE (503, worth a retry); any other failure is a fault
 * of ours: INTERNAL (500), its cause logged.
 */
final class FirestoreErrors {
    private static final Logger LOG = LoggerFactory.getLogger(FirestoreErrors.class);
    /** gRPC codes worth a retry: contention left over, overload, a deadline, a dropped connection. */
    private static final Set<StatusCode.Code> TRANSIENT = EnumSet.of(StatusCode.Code.ABORTED, StatusCode.Code.UNAVAILABLE,
            StatusCode.Code.DEADLINE_EXCEEDED, StatusCode.Code.RESOURCE_EXHAUSTED, StatusCode.Code.CANCELLED);

    private FirestoreErrors() {
    }

    static <T> T await(ApiFuture<T> future, String what) {
        try {
            return future.get(Deadlines.FIRESTORE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " got no answer within " + Deadlines.FIRESTORE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), what);
        }
    }

    /** What a failed Firestore call while doing {@code what} becomes, by the policy above. */
    static RuntimeException failure(Throwable cause, String what) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CoherenceException own) {
                return own;
            }
        }
        if (cause instanceof Error error) {
            throw error;
        }
        StatusCode.Code status = statusOf(cause);
        if (status == null && cause instanceof RuntimeException own) {
            return own; // our own code's failure inside a transaction
        }
        if (status != null && TRANSIENT.contains(status)) {
            return new CoherenceException(ErrorCode.UNAVAILABLE, what + " failed for now (" + status + "); please retry",
                    Map.of(), cause);
        }
        LOG.error("{} failed ({})", what, status, cause);
        return new CoherenceException(ErrorCode.INTERNAL, what + " failed", Map.of(), cause);
    }

    /** The gRPC status code of a Firestore failure, or null when it is not one. */
    static StatusCode.Code statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api.getStatusCode().getCode();
            }
            if (t instanceof FirestoreException fs && fs.getStatus() != null) {
                return GrpcStatusCode.of(fs.getStatus().getCode()).getCode();
            }
            if (t instanceof io.grpc.StatusRuntimeException grpc) {
                return GrpcStatusCode.of(grpc.getStatus().getCode()).getCode();
            }
        }
        return null;
    }

    /** True when Firestore refused a create because the document exists. */
    static boolean isAlreadyExists(Throwable failure) {
        return statusOf(failure) == StatusCode.Code.ALREADY_EXISTS;
    }
}
