package app.coherence.gcp.function;

import app.coherence.core.http.HttpFunction;
import com.google.cloud.functions.Context;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.cloudevents.CloudEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The entry point of every Coherence function on Cloud Functions: Spring's {@link FunctionInvoker}
 * (which starts the module's application and finds the bean named by
 * {@code spring.cloud.function.definition}), taught two things it lacks:
 * <ul>
 *   <li>HTTP: an {@link HttpFunction} bean gets the whole request (method, path, query, headers, raw
 *       body) and its reply's status, content type, headers and bytes are written back unchanged;</li>
 *   <li>events: a {@code Consumer<CloudEvent>} bean gets the CloudEvent back from the legacy
 *       background-function form the Functions Framework hands to this class.</li>
 * </ul>
 * A {@code Consumer<CloudEvent>} reached over plain HTTP (binary or structured CloudEvent) is served too.
 * Any other bean goes through the stock FunctionInvoker, with the request line added as headers.
 */
public class CoherenceFunctionInvoker extends FunctionInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(CoherenceFunctionInvoker.class);

    public CoherenceFunctionInvoker() {
        super();
    }

    /** Starts {@code applicationClass} (tests; on GCP the jar's Start-Class or MAIN_FUNCTION_CLASS names it). */
    public CoherenceFunctionInvoker(Class<?> applicationClass) {
        super(applicationClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        FunctionInvocationWrapper function = catalog.lookup("");
        Object target = function == null ? null : function.getTarget();
        if (target instanceof HttpFunction http) {
            Message<byte[]> reply = MessageHttpFunctions.adapt(http).apply(requestMessage(request, body(request)));
            writeReply(reply, response);
            return;
        }
        if (target instanceof Consumer<?> consumer && function.getRawInputType() == CloudEvent.class) {
            // An event that came in over plain HTTP (binary or structured CloudEvent), not the background path.
            Optional<CloudEvent> event = HttpCloudEvents.read(request, body(request));
            if (event.isEmpty()) {
                response.setStatusCode(400);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":{\"code\":\"MALFORMED_REQUEST\",\"message\":\"expected a CloudEvent\"}}");
                return;
            }
            ((Consumer<CloudEvent>) consumer).accept(event.get()); // a failure answers 500: the event is redelivered
            response.setStatusCode(204);
            return;
        }
        super.service(new RequestLineHeaders(request), response);
    }

    private static byte[] body(HttpRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(String json, Context context) {
        FunctionInvocationWrapper function = catalog.lookup("");
        if (function != null && function.getTarget() instanceof Consumer<?> consumer
                && function.getRawInputType() == CloudEvent.class) {
            CloudEvent event = LegacyEvents.toCloudEvent(json, context);
            LOG.debug("delivering {} event {} to {}", event.getType(), event.getId(), function.getFunctionDefinition());
            ((Consumer<CloudEvent>) consumer).accept(event);
            return;
        }
        super.accept(json, context);
    }

    static Message<byte[]> requestMessage(HttpRequest request, byte[] body) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(body);
        request.getHeaders().forEach((name, values) -> builder.setHeader(name, List.copyOf(values)));
        builder.setHeader(MessageHttpFunctions.METHOD, request.getMethod());
        builder.setHeader(MessageHttpFunctions.PATH, request.getPath());
        request.getQuery().ifPresent(q -> builder.setHeader(MessageHttpFunctions.QUERY, q));
        return builder.build();
    }

    static void writeReply(Message<byte[]> reply, HttpResponse response) throws IOException {
        MessageHeaders headers = reply.getHeaders();
        Object status = headers.get(HTTP_STATUS_CODE);
        response.setStatusCode(status instanceof Integer code ? code : 200);
        Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
        if (contentType != null) {
            response.setContentType(contentType.toString());
        }
        headers.forEach((name, value) -> {
            if (!name.equals(HTTP_STATUS_CODE) && !name.equals(MessageHeaders.CONTENT_TYPE)
                    && !name.equals(MessageHeaders.ID) && !name.equals(MessageHeaders.TIMESTAMP)) {
                response.appendHeader(name, value.toString());
            }
        });
        try (OutputStream out = response.getOutputStream()) {
            out.write(reply.getPayload());
        }
    }

    /** The request with method, path and query added as headers, for beans served by the stock invoker. */
    private static final class RequestLineHeaders implements HttpRequest {
        private final HttpRequest delegate;

        RequestLineHeaders(HttpRequest delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            Map<String, List<String>> headers = new LinkedHashMap<>(delegate.getHeaders());
            headers.put(MessageHttpFunctions.METHOD, List.of(delegate.getMethod()));
            headers.put(MessageHttpFunctions.PATH, List.of(delegate.getPath()));
            delegate.getQuery().ifPresent(q -> headers.put(MessageHttpFunctions.QUERY, List.of(q)));
            return headers;
        }

        @Override public String getMethod() { return delegate.getMethod(); }
        @Override public String getUri() { return delegate.getUri(); }
        @Override public String getPath() { return delegate.getPath(); }
        @Override public Optional<String> getQuery() { return delegate.getQuery(); }
        @Override public Map<String, List<String>> getQueryParameters() { return delegate.getQueryParameters(); }
        @Override public Map<String, HttpPart> getParts() { return delegate.getParts(); }
        @Override public Optional<String> getContentType() { return delegate.getContentType(); }
        @Override public long getContentLength() { return delegate.getContentLength(); }
        @Override public Optional<String> getCharacterEncoding() { return delegate.getCharacterEncoding(); }
        @Override public InputStream getInputStream() throws IOException { return delegate.getInputStream(); }
        @Override public BufferedReader getReader() throws IOException { return delegate.getReader(); }
    }
}
