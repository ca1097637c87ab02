package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import com.google.api.core.ApiFuture;
import app.coherence.gcp.Deadlines;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a Firestore call, surfacing our own exceptions thrown inside a transaction as they were. */
final class Transactions {

    private Transactions() {
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
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CoherenceException coherence) {
                    throw coherence;
                }
            }
            if (FirestoreErrors.isTransient(e.getCause())) {
                throw new CoherenceException(ErrorCode.UNAVAILABLE,
                        what + " failed: Firestore is unavailable; please retry", java.util.Map.of(), e.getCause());
            }
            if (String.valueOf(e.getCause()).contains("ABORTED")) {
                throw new CoherenceException(ErrorCode.UNAVAILABLE,
                        what + " met too many concurrent changes; please retry", java.util.Map.of(), e.getCause());
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
