package app.coherence.local.web;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/** The servlet in front of every HTTP function: request → HttpCall → the function for the path → HttpReply. */
public final class FunctionServlet extends HttpServlet {
    /** API, webhook and task bodies are small JSON documents; videos go to the blob URLs instead. */
    static final int MAX_BODY = 1024 * 1024;

    private final transient FunctionRoutes routes;
    private final transient Runnable beforeWriteAnswer;

    /** {@code beforeWriteAnswer} runs before the answer to any request that may have written (not GET/HEAD) leaves. */
    public FunctionServlet(FunctionRoutes routes, Runnable beforeWriteAnswer) {
        this.routes = routes;
        this.beforeWriteAnswer = beforeWriteAnswer;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpReply reply;
        try {
            HttpCall call = ServletExchange.toCall(request, MAX_BODY);
            reply = routes.handle(call);
        } catch (CoherenceException e) {
            reply = HttpReply.error(e);
        } finally {
            // Functions put videoId/userId in the MDC; the container reuses this thread.
            MDC.clear();
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            beforeWriteAnswer.run();
        }
        ServletExchange.write(reply, response);
    }
}
