package app.coherence.gcp.function;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.QueryString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Adapts our transport-neutral {@link HttpFunction} to Spring Cloud Function's message shape:
 * the request line travels in the {@value #METHOD}, {@value #PATH} and {@value #QUERY} headers
 * (Spring's GCP adapter passes only headers and body), the reply's status in
 * {@link FunctionInvoker#HTTP_STATUS_CODE} and its content type in {@link MessageHeaders#CONTENT_TYPE}.
 */
public final class MessageHttpFunctions {
    public static final String METHOD = "x-coherence-method";
    public static final String PATH = "x-coherence-path";
    /** The raw (still URL-encoded) query string, without '?'. */
    public static final String QUERY = "x-coherence-query";

    /** Message headers Spring adds by itself; never HTTP headers of the request. */
    private static final Set<String> INTERNAL = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE, FunctionInvoker.HTTP_STATUS_CODE, METHOD, PATH, QUERY);

    private MessageHttpFunctions() {
    }

    /** {@code function} as a message function. */
    public static Function<Message<byte[]>, Message<byte[]>> adapt(HttpFunction function) {
        return message -> {
            HttpCall call;
            try {
                call = toCall(message);
            } catch (CoherenceException e) {
                return toMessage(HttpReply.error(e)); // e.g. a badly encoded query string: 400, as locally
            }
            return toMessage(function.apply(call));
        };
    }

    /** The request a message stands for; without a method header it is a POST to "/". */
    public static HttpCall toCall(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String method = text(headers.get(METHOD), "POST");
        String path = text(headers.get(PATH), "/");
        Map<String, List<String>> httpHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!INTERNAL.contains(name) && !INTERNAL.contains(lower)) {
                List<String> values = values(value);
                if (!values.isEmpty()) {
                    httpHeaders.merge(lower, values, (a, b) -> {
                        List<String> all = new ArrayList<>(a);
                        all.addAll(b);
                        return all;
                    });
                }
            }
        });
        return new HttpCall(method, path, QueryString.parse(text(headers.get(QUERY), "")), httpHeaders, message.getPayload());
    }

    /** The reply as a message: body, status header, content type and the reply's own headers. */
    public static Message<byte[]> toMessage(HttpReply reply) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(reply.body())
                .setHeader(FunctionInvoker.HTTP_STATUS_CODE, reply.status());
        if (reply.contentType() != null) {
            builder.setHeader(MessageHeaders.CONTENT_TYPE, reply.contentType());
        }
        reply.headers().forEach(builder::setHeader);
        return builder.build();
    }

    private static String text(Object value, String fallback) {
        List<String> values = values(value);
        return values.isEmpty() || values.get(0).isEmpty() ? fallback : values.get(0);
    }

    private static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return List.of(value.toString());
        }
        return List.of(); // objects Spring put there (contexts, channels) are not HTTP headers
    }
}
