package app.coherence.local.web;

import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which function bean answers which path, as the functions are deployed on GCP: {@code uploads}
 * (POST /v1/uploads, GET /v1/usage, POST /tasks/sweep-reservations and /tasks/reconcile), {@code analyzeTask}
 * (/tasks/analyze), {@code stripeWebhook} (/v1/stripe/webhook), {@code billing} (/v1/billing/**) and
 * {@code api} (the rest of /v1/, and POST /tasks/cleanup-deleted).
 */
public final class FunctionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionRoutes.class);

    public static final String UPLOADS = "uploads";
    public static final String ANALYZE_TASK = "analyzeTask";
    public static final String API = "api";
    public static final String BILLING = "billing";
    public static final String STRIPE_WEBHOOK = "stripeWebhook";

    private final Map<String, HttpFunction> functions;

    /** {@code functions}: the HttpFunction beans by bean name. */
    public FunctionRoutes(Map<String, HttpFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    /** The bean name that serves {@code path}, or empty when no function does. */
    public static Optional<String> functionFor(String path) {
        if (path.equals("/v1/uploads") || path.equals("/v1/usage") || path.equals("/tasks/sweep-reservations")
                || path.equals("/tasks/reconcile")) {
            return Optional.of(UPLOADS);
        }
        if (path.equals("/tasks/analyze")) {
            return Optional.of(ANALYZE_TASK);
        }
        if (path.equals("/tasks/cleanup-deleted")) {
            return Optional.of(API);
        }
        if (path.equals("/v1/stripe/webhook")) {
            return Optional.of(STRIPE_WEBHOOK);
        }
        if (path.equals("/v1/billing") || path.startsWith("/v1/billing/")) {
            return Optional.of(BILLING);
        }
        if (path.startsWith("/v1/")) {
            return Optional.of(API);
        }
        return Optional.empty();
    }

    public boolean has(String name) {
        return functions.containsKey(name);
    }

    /** Hands the call to its function; a path no function serves is 404, a function not deployed 503. */
    public HttpReply handle(HttpCall call) {
        Optional<String> name = functionFor(call.path());
        if (name.isEmpty()) {
            return HttpReply.error(ErrorCode.NOT_FOUND, "no such endpoint: " + call.method() + " " + call.path());
        }
        HttpFunction function = functions.get(name.get());
        if (function == null && name.get().equals(BILLING)) {
            // The api function hands /v1/billing/** to billing itself, and says so when it is absent.
            function = functions.get(API);
        }
        if (function == null) {
            return HttpReply.error(ErrorCode.UNAVAILABLE, "the " + name.get() + " function is not running here");
        }
        try {
            return function.apply(call);
        } catch (RuntimeException e) {
            LOG.error("{} failed on {} {}", name.get(), call.method(), call.path(), e);
            return HttpReply.error(ErrorCode.INTERNAL, "internal error");
        }
    }
}
