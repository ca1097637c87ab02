package app.coherence.function.api;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.history.HistoryService;
import app.coherence.core.history.ListRequest;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.profile.ProfileService;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Identity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The client API under /v1/: a user's videos, results and profile, plus the OpenAPI document.
 * Every route but the document needs the caller's ID token and reads only the caller's data.
 * /v1/billing/** is handed to the billing function when it is deployed alongside.
 */
public class ApiFunction implements HttpFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFunction.class);

    private static final Route VIDEOS = Route.of("videos", "/v1/videos");
    private static final Route VIDEO = Route.of("video", "/v1/videos/{id}");
    private static final Route ANALYSIS = Route.of("analysis", "/v1/videos/{id}/analysis");
    private static final Route PLAYBACK = Route.of("playback", "/v1/videos/{id}/playback");
    private static final Route ME = Route.of("me", "/v1/me");

    private final HistoryService history;
    private final ProfileService profiles;
    private final Identity identity;
    private final OpenApiDocument openApi;
    private final HttpFunction billing;

    /** {@code billing} may be null when the billing function is not part of this deployment. */
    public ApiFunction(HistoryService history, ProfileService profiles, Identity identity, OpenApiDocument openApi,
                       HttpFunction billing) {
        this.history = history;
        this.profiles = profiles;
        this.identity = identity;
        this.openApi = openApi;
        this.billing = billing;
    }

    @Override
    public HttpReply apply(HttpCall call) {
        try {
            return route(call);
        } catch (CoherenceException e) {
            if (e.code().httpStatus() >= 500) {
                LOG.error("{} {} failed: {}", call.method(), call.path(), e.getMessage(), e);
            }
            return HttpReply.error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", call.method(), call.path(), e);
            return HttpReply.error(ErrorCode.INTERNAL, "internal error");
        }
    }

    private HttpReply route(HttpCall call) {
        String path = call.path();
        if (path.equals("/v1/openapi.json")) {
            requireMethod(call, "GET");
            return openApi.reply();
        }
        if (path.equals("/v1/billing") || path.startsWith("/v1/billing/")) {
            if (billing == null) {
                throw new CoherenceException(ErrorCode.NOT_FOUND, "billing is not part of this deployment");
            }
            return billing.apply(call);
        }
        List<String> args;
        if ((args = VIDEOS.match(path)) != null) {
            requireMethod(call, "GET");
            return withUser(call, user -> HttpReply.json(200, history.list(user.uid(), listRequest(call))));
        }
        if ((args = ANALYSIS.match(path)) != null) {
            requireMethod(call, "GET");
            String id = args.get(0);
            return withUser(call, user -> HttpReply.json(200, history.analysis(user.uid(), id)));
        }
        if ((args = PLAYBACK.match(path)) != null) {
            requireMethod(call, "GET");
            String id = args.get(0);
            return withUser(call, user -> HttpReply.json(200, history.playback(user.uid(), id)));
        }
        if ((args = VIDEO.match(path)) != null) {
            String id = args.get(0);
            return switch (call.method()) {
                case "GET" -> withUser(call, user -> HttpReply.json(200, history.get(user.uid(), id)));
                case "PATCH" -> withUser(call, user -> HttpReply.json(200, history.rename(user.uid(), id, patchTitle(call))));
                case "DELETE" -> withUser(call, user -> {
                    history.delete(user.uid(), id);
                    return HttpReply.noContent();
                });
                default -> throw methodNotAllowed(call, "GET, PATCH, DELETE");
            };
        }
        if (ME.match(path) != null) {
            return switch (call.method()) {
                case "GET" -> withUser(call, user -> HttpReply.json(200, profiles.get(user)));
                case "PATCH" -> withUser(call, user -> HttpReply.json(200, profiles.rename(user, patchDisplayName(call))));
                default -> throw methodNotAllowed(call, "GET, PATCH");
            };
        }
        throw new CoherenceException(ErrorCode.NOT_FOUND, "no such endpoint: " + call.method() + " " + path);
    }

    private HttpReply withUser(HttpCall call, java.util.function.Function<AuthenticatedUser, HttpReply> handler) {
        String token = call.bearerToken().orElseThrow(() -> new CoherenceException(ErrorCode.UNAUTHENTICATED,
                "an ID token is required: Authorization: Bearer <token>"));
        AuthenticatedUser user = identity.verify(token);
        try (var ignored = MDC.putCloseable("userId", user.uid())) {
            return handler.apply(user);
        }
    }

    private static ListRequest listRequest(HttpCall call) {
        for (String name : call.query().keySet()) {
            if (!List.of("limit", "cursor", "sort", "order", "status").contains(name)) {
                throw CoherenceException.invalid("unknown query parameter '" + name + "'; allowed: limit, cursor, sort, order, status");
            }
            if (call.query().get(name).size() > 1) {
                throw CoherenceException.invalid("query parameter '" + name + "' given more than once");
            }
        }
        return new ListRequest(param(call, "limit"), param(call, "cursor"), param(call, "sort"), param(call, "order"),
                param(call, "status"));
    }

    private static String param(HttpCall call, String name) {
        return call.queryParam(name).orElse(null);
    }

    private static String patchTitle(HttpCall call) {
        return onlyStringField(call, "title");
    }

    private static String patchDisplayName(HttpCall call) {
        return onlyStringField(call, "displayName");
    }

    /** Reads a JSON object body that must hold exactly one string field, {@code name}. */
    private static String onlyStringField(HttpCall call, String name) {
        JsonNode body = call.jsonBody(JsonNode.class);
        if (!body.isObject()) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "request body must be a JSON object");
        }
        Optional<String> unknown = iterable(body.fieldNames()).stream().filter(f -> !f.equals(name)).findFirst();
        if (unknown.isPresent()) {
            throw CoherenceException.invalid("field '" + unknown.get() + "' cannot be changed; only '" + name + "' can");
        }
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw CoherenceException.invalid(name + " is required");
        }
        if (!value.isTextual()) {
            throw CoherenceException.invalid(name + " must be a string");
        }
        return value.asText();
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static void requireMethod(HttpCall call, String method) {
        if (!call.method().equals(method)) {
            throw methodNotAllowed(call, method);
        }
    }

    private static CoherenceException methodNotAllowed(HttpCall call, String allowed) {
        return new CoherenceException(ErrorCode.METHOD_NOT_ALLOWED,
                call.method() + " is not allowed on " + call.path() + "; use " + allowed, Map.of("allowed", allowed));
    }
}
