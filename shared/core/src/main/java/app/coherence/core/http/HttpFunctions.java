package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Helpers shared by every HTTP function. */
public final class HttpFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFunctions.class);

    private HttpFunctions() {
    }

    /**
     * Wraps {@code function} so that it always answers: a {@link CoherenceException} becomes its JSON
     * error reply, anything unexpected a 500 INTERNAL that is logged with its stack but never shows it.
     */
    public static HttpFunction guarded(HttpFunction function) {
        return call -> {
            try {
                return function.apply(call);
            } catch (CoherenceException e) {
                if (e.code().httpStatus() >= 500) {
                    LOG.error("{} {} failed: {} {}", call.method(), call.path(), e.code(), e.getMessage(), e);
                } else {
                    LOG.info("{} {} refused: {} {}", call.method(), call.path(), e.code(), e.getMessage());
                }
                return HttpReply.error(e);
            } catch (RuntimeException e) {
                LOG.error("{} {} failed unexpectedly", call.method(), call.path(), e);
                return HttpReply.error(ErrorCode.INTERNAL, "internal error");
            }
        };
    }
}
