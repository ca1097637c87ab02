package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import com.google.api.core.ApiFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a Firestore call, surfacing our own exceptions thrown inside a transaction as they were. */
final class Transactions {

    private Transactions() {
    }

    static <T> T await(ApiFuture<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " was interrupted");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CoherenceException coherence) {
                    throw coherence;
                }
            }
            if (String.valueOf(e.getCause()).contains("ABORTED")) {
                throw new CoherenceException(ErrorCode.UNAVAILABLE,
                        what + " met too many concurrent changes; please retry", java.util.Map.of(), e.getCause());
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
