package app.coherence.local.web;

import app.coherence.core.http.HttpReply;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /healthz: 200 once every part is ready, else 503 naming the parts that are not. */
public final class HealthServlet extends HttpServlet {
    private final transient Readiness readiness;

    public HealthServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Boolean> parts = readiness.check();
        List<String> waiting = parts.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", waiting.isEmpty() ? "ready" : "starting");
        Map<String, String> states = new LinkedHashMap<>();
        parts.forEach((name, ready) -> states.put(name, ready ? "ready" : "not ready"));
        body.put("parts", states);
        if (!waiting.isEmpty()) {
            body.put("notReady", waiting);
        }
        response.setHeader("Cache-Control", "no-store");
        ServletExchange.write(HttpReply.json(waiting.isEmpty() ? 200 : 503, body), response);
    }
}
