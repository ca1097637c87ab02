package app.coherence.local.web;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.QueryString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates between the servlet API and our transport-neutral {@link HttpCall} / {@link HttpReply}. */
public final class ServletExchange {

    private ServletExchange() {
    }

    /**
     * Reads a request into an HttpCall, refusing bodies over {@code maxBody} bytes with 413 (read no
     * further than that). The path is the request URI without the context path, undecoded.
     */
    public static HttpCall toCall(HttpServletRequest request, int maxBody) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            throw tooLarge(maxBody);
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new HttpCall(request.getMethod(), path, QueryString.parse(request.getQueryString()), headers, body);
    }

    /** Writes a reply: status, content type, headers, body. */
    public static void write(HttpReply reply, HttpServletResponse response) throws IOException {
        response.setStatus(reply.status());
        if (reply.contentType() != null && reply.body().length > 0) {
            response.setContentType(reply.contentType());
        }
        reply.headers().forEach(response::setHeader);
        response.setContentLength(reply.body().length);
        if (reply.body().length > 0) {
            response.getOutputStream().write(reply.body());
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, max + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > max) {
                throw tooLarge(max);
            }
        }
        return out.toByteArray();
    }

    private static CoherenceException tooLarge(int max) {
        return new CoherenceException(ErrorCode.PAYLOAD_TOO_LARGE, "request body over " + max + " bytes",
                Map.of("limit", max));
    }
}
