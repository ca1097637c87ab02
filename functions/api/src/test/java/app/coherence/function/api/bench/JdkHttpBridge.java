package app.coherence.function.api.bench;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serves one {@link HttpFunction} over real HTTP on 127.0.0.1 with the JDK's server: the benchmark's transport. */
final class JdkHttpBridge implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    JdkHttpBridge(HttpFunction function, int threads) throws IOException {
        // Headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to every reply.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        workers = Executors.newFixedThreadPool(threads);
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            try (exchange) {
                HttpReply reply = function.apply(toCall(exchange));
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                byte[] body = reply.body();
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static HttpCall toCall(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new HttpCall(exchange.getRequestMethod(), uri.getPath(), query, headers, body);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
