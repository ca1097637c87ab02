package app.coherence.function.api;

import app.coherence.core.account.AccountDeletion;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.history.DeletedVideoCleanup;
import app.coherence.core.history.HistoryService;
import app.coherence.core.history.ListRequest;
import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.profile.ProfileService;
import app.coherence.core.user.AuthenticatedUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.MDC;

/**
 * The client API under /v1/: a user's videos, results and profile, plus the OpenAPI document.
 * Every route but the document needs the caller's ID token and reads only the caller's data.
 * /v1/billing/** is handed to the billing function when it is deployed alongside; POST
 * /tasks/cleanup-deleted is the scheduler's cleanup of soft-deleted videos (checked caller).
 */
public class ApiFunction implements HttpFunction {
    private static final List<String> LIST_PARAMS = List.of("limit", "cursor", "sort", "order", "status");
    static final int MAX_GRACE_DAYS = 365;

    private final HistoryService history;
    private final ProfileService profiles;
    private final Authenticator authenticator;
    private final OpenApiDocument openApi;
    private final HttpFunction billing;
    private final HttpFunction routes;

    /**
     * {@code billing} may be null when the billing function is not part of this deployment; {@code cleanup}
     * and {@code taskCaller} may be null when the cleanup endpoint is not served here.
     */
    public ApiFunction(HistoryService history, ProfileService profiles, Authenticator authenticator,
                       OpenApiDocument openApi, HttpFunction billing, DeletedVideoCleanup cleanup,
                       TaskCallerCheck taskCaller) {
        this(history, profiles, authenticator, openApi, billing, cleanup, taskCaller, null);
    }

    /** As above, with DELETE /v1/me (close the account and erase its data) when {@code accounts} is not null. */
    public ApiFunction(HistoryService history, ProfileService profiles, Authenticator authenticator,
                       OpenApiDocument openApi, HttpFunction billing, DeletedVideoCleanup cleanup,
                       TaskCallerCheck taskCaller, AccountDeletion accounts) {
        this.history = history;
        this.profiles = profiles;
        this.authenticator = authenticator;
        this.openApi = openApi;
        this.billing = billing;
        HttpRoutes.Builder b = HttpRoutes.builder()
                .route("GET", "/v1/openapi.json", call -> openApi.reply())
                .route("GET", "/v1/videos", signedIn((call, user) ->
                        HttpReply.json(200, history.list(user.uid(), listRequest(call)))))
                .route("GET", "/v1/videos/{id}", signedIn((call, user, id) -> HttpReply.json(200, history.get(user.uid(), id))))
                .route("PATCH", "/v1/videos/{id}", signedIn((call, user, id) ->
                        HttpReply.json(200, history.rename(user.uid(), id, onlyStringField(call, "title")))))
                .route("DELETE", "/v1/videos/{id}", signedIn((call, user, id) -> {
                    history.delete(user.uid(), id);
                    return HttpReply.noContent();
                }))
                .route("GET", "/v1/videos/{id}/analysis", signedIn((call, user, id) ->
                        HttpReply.json(200, history.analysis(user.uid(), id))))
                .route("GET", "/v1/videos/{id}/playback", signedIn((call, user, id) ->
                        HttpReply.json(200, history.playback(user.uid(), id))))
                .route("GET", "/v1/me", signedIn((call, user) -> HttpReply.json(200, profiles.get(user))))
                .route("PATCH", "/v1/me", signedIn((call, user) ->
                        HttpReply.json(200, profiles.rename(user, onlyStringField(call, "displayName")))));
        if (accounts != null) {
            b.route("DELETE", "/v1/me", signedIn((call, user) -> HttpReply.json(200, Map.of("deleted", accounts.delete(user)))));
        }
        if (cleanup != null && taskCaller != null) {
            b.route("POST", "/tasks/cleanup-deleted", call -> {
                taskCaller.verify(call);
                int purged = cleanup.run(Duration.ofDays(graceDays(call)));
                return HttpReply.json(200, Map.of("purged", purged));
            });
        }
        this.routes = HttpFunctions.guarded(b.build());
    }

    @Override
    public HttpReply apply(HttpCall call) {
        if (billing != null && (call.path().equals("/v1/billing") || call.path().startsWith("/v1/billing/"))) {
            return billing.apply(call);
        }
        return routes.apply(call);
    }

    private interface UserHandler {
        HttpReply handle(HttpCall call, AuthenticatedUser user, String videoId);
    }

    private HttpRoutes.Handler signedIn(UserHandler handler) {
        return (call, params) -> {
            AuthenticatedUser user = authenticator.authenticate(call);
            try (var ignored = MDC.putCloseable("userId", user.uid())) {
                return handler.handle(call, user, params.get("id"));
            }
        };
    }

    private HttpRoutes.Handler signedIn(BiFunction<HttpCall, AuthenticatedUser, HttpReply> handler) {
        return signedIn((call, user, id) -> handler.apply(call, user));
    }

    private static ListRequest listRequest(HttpCall call) {
        for (Map.Entry<String, List<String>> e : call.query().entrySet()) {
            if (!LIST_PARAMS.contains(e.getKey())) {
                throw CoherenceException.invalid("unknown query parameter '" + e.getKey() + "'; allowed: "
                        + String.join(", ", LIST_PARAMS));
            }
            if (e.getValue().size() > 1) {
                throw CoherenceException.invalid("query parameter '" + e.getKey() + "' given more than once");
            }
        }
        return new ListRequest(param(call, "limit"), param(call, "cursor"), param(call, "sort"),
                param(call, "order"), param(call, "status"));
    }

    private static String param(HttpCall call, String name) {
        return call.queryParam(name).orElse(null);
    }

    /** Reads a JSON object body that must hold exactly one string field, {@code name}. */
    static String onlyStringField(HttpCall call, String name) {
        JsonNode body = call.jsonBody(JsonNode.class);
        if (!body.isObject()) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "request body must be a JSON object");
        }
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            if (!f.equals(name)) {
                throw CoherenceException.invalid("field '" + f + "' cannot be changed here; only '" + name + "' can");
            }
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

    /** The scheduler's {"graceDays": N} (default 7). */
    private static long graceDays(HttpCall call) {
        if (call.body().length == 0) {
            return DeletedVideoCleanup.DEFAULT_GRACE.toDays();
        }
        JsonNode body = call.jsonBody(JsonNode.class);
        JsonNode days = body.get("graceDays");
        if (days == null || days.isNull()) {
            return DeletedVideoCleanup.DEFAULT_GRACE.toDays();
        }
        if (!days.isIntegralNumber() || days.asLong() < 0 || days.asLong() > MAX_GRACE_DAYS) {
            throw CoherenceException.invalid("graceDays must be a whole number from 0 to " + MAX_GRACE_DAYS);
        }
        return days.asLong();
    }
}
