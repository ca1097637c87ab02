package app.coherence.gcp.function;

import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.HttpRoutes;
import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A Spring application like each function module's, with one bean of each kind the bridge serves. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BridgeTestApplication {
    /** CloudEvents the consumer received, across invokers of this JVM. */
    static final List<CloudEvent> EVENTS = new CopyOnWriteArrayList<>();

    /** Echoes what reached it, so the test sees exactly what the bridge delivered. */
    @Bean
    public HttpFunction echo() {
        return HttpFunctions.guarded(HttpRoutes.builder()
                .route("POST", "/v1/things/{id}", (call, params) -> {
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("method", call.method());
                    seen.put("path", call.path());
                    seen.put("id", params.get("id"));
                    seen.put("query", call.query());
                    seen.put("auth", call.header("authorization").orElse(null));
                    seen.put("body", call.bodyText());
                    return HttpReply.json(201, seen).withHeader("Location", "/v1/things/" + params.get("id"));
                })
                .build());
    }

    @Bean
    public Consumer<CloudEvent> events() {
        return EVENTS::add;
    }

    /** A plain Spring Cloud Function bean, served by the stock FunctionInvoker path. */
    @Bean
    public Function<org.springframework.messaging.Message<String>, String> plain() {
        return message -> message.getHeaders().get(MessageHttpFunctions.METHOD) + " "
                + message.getHeaders().get(MessageHttpFunctions.PATH) + " " + message.getPayload();
    }
}
