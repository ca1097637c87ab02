package app.coherence.gcp.function;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.QueryString;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves one {@link HttpFunction} on a servlet container: how the analysis service runs on Cloud Run
 * (a Spring Boot web application whose every request goes to the function).
 */
public final class HttpFunctionServlet extends HttpServlet {
    private final transient HttpFunction function;

    public HttpFunctionServlet(HttpFunction function) {
        this.function = function;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpReply reply;
        try {
            reply = function.apply(new HttpCall(request.getMethod(), path.isEmpty() ? "/" : path,
                    QueryString.parse(request.getQueryString()), headers, body));
        } catch (CoherenceException e) {
            reply = HttpReply.error(e); // e.g. a badly encoded query string
        }
        response.setStatus(reply.status());
        if (reply.contentType() != null) {
            response.setContentType(reply.contentType());
        }
        reply.headers().forEach(response::addHeader);
        response.setContentLength(reply.body().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(reply.body());
        }
    }
}
