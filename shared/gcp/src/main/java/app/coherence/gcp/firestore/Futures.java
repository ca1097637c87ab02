package app.coherence.gcp.firestore;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import com.google.api.core.ApiFuture;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for Firestore calls, turning failures into UNAVAILABLE (retryable) errors. */
final class Futures {
    private static final long TIMEOUT_SECONDS = 20;

    private Futures() {
    }

    static <T> T await(ApiFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "interrupted while " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CoherenceException ce) {
                throw ce;
            }
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " failed: " + e.getCause(), Map.of(), e.getCause());
        } catch (TimeoutException e) {
            throw new CoherenceException(ErrorCode.UNAVAILABLE, what + " timed out", Map.of(), e);
        }
    }
}
