package app.coherence.local.web;

import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.FunctionRoute;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each call to the function bean that answers its path, as the functions are deployed on GCP:
 * the table is {@link FunctionRoute}, which Hosting's rewrites and Terraform are checked against.
 */
public final class FunctionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionRoutes.class);

    private final Map<String, HttpFunction> functions;

    /** {@code functions}: the HttpFunction beans by bean name. */
    public FunctionRoutes(Map<String, HttpFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    /** The bean name that serves {@code path}, or empty when no function does (the table is {@link FunctionRoute}). */
    public static Optional<String> functionFor(String path) {
        return FunctionRoute.of(path).map(FunctionRoute::bean);
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
        if (function == null && name.get().equals(FunctionRoute.BILLING.bean())) {
            // The api function hands /v1/billing/** to billing itself, and says so when it is absent.
            function = functions.get(FunctionRoute.API.bean());
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
