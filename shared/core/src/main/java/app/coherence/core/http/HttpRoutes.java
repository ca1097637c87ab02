package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches method + path templates such as {@code /v1/videos/{id}} to handlers. An unknown path is
 * 404 NOT_FOUND; a known path with another method is 405 METHOD_NOT_ALLOWED with an Allow header.
 */
public final class HttpRoutes implements HttpFunction {

    /** Handles one matched request; {@code params} holds the template's {placeholders}. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(HttpCall call, Map<String, String> params);
    }

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final List<Route> routes;

    private HttpRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpReply apply(HttpCall call) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(call.path());
            if (!m.matches()) {
                continue;
            }
            if (!route.method().equals(call.method())) {
                allowed.add(route.method());
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                params.put(route.names().get(i), m.group(i + 1));
            }
            return route.handler().handle(call, Map.copyOf(params));
        }
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            return HttpReply.error(new CoherenceException(ErrorCode.METHOD_NOT_ALLOWED,
                    call.method() + " is not allowed on " + call.path() + "; use " + allow)).withHeader("Allow", allow);
        }
        throw new CoherenceException(ErrorCode.NOT_FOUND, "no such endpoint: " + call.method() + " " + call.path());
    }

    /** Collects routes in order; the first matching one wins. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder route(String method, String template, Handler handler) {
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), template,
                    Pattern.compile(regex.toString()), names, handler));
            return this;
        }

        /** A route whose handler needs no path parameters. */
        public Builder route(String method, String template, HttpFunction handler) {
            return route(method, template, (call, params) -> handler.apply(call));
        }

        public HttpRoutes build() {
            return new HttpRoutes(routes);
        }
    }
}
