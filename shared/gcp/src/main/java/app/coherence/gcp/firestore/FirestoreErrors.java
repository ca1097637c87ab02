package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import app.coherence.gcp.Deadlines;

/**
 * Waits for Firestore calls. An exception thrown by our own code inside a transaction comes out as it
 * was; Firestore's own failures, and no answer within {@link Deadlines#FIRESTORE}, become UNAVAILABLE
 * (worth a retry) with what was being done.
 */
final class FirestoreErrors {

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
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException own && !(cause instanceof FirestoreException)
                    && !(cause instanceof ApiException)) {
                throw own;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " failed: " + cause.getMessage(), Map.of(), cause);
        }
    }

    /** True when Firestore could not be reached or did not answer in time: worth a retry, never a 500. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String code = null;
            if (t instanceof ApiException api) {
                code = api.getStatusCode().getCode().name();
            } else if (t instanceof FirestoreException fs && fs.getStatus() != null) {
                code = fs.getStatus().getCode().name();
            } else if (t instanceof io.grpc.StatusRuntimeException grpc) {
                code = grpc.getStatus().getCode().name();
            }
            if (code != null && TRANSIENT.contains(code)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> TRANSIENT =
            java.util.Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED", "RESOURCE_EXHAUSTED");

    /** True when Firestore refused a create because the document exists. */
    static boolean isAlreadyExists(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.getStatusCode().getCode().name().equals("ALREADY_EXISTS")) {
                return true;
            }
            if (t instanceof FirestoreException fs && fs.getStatus() != null
                    && fs.getStatus().getCode().name().equals("ALREADY_EXISTS")) {
                return true;
            }
        }
        return false;
    }
}
