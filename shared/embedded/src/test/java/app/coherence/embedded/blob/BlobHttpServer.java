package app.coherence.embedded.blob;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.http.HttpReply;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A real HTTP server on 127.0.0.1 in front of a blob store, for tests: the wire, not the method calls. */
final class BlobHttpServer implements AutoCloseable {
    private final HttpServer server;
    private FileSystemBlobStore store;

    BlobHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(FileSystemBlobStore.UPLOAD_PATH, this::upload);
        server.createContext(FileSystemBlobStore.DOWNLOAD_PATH, this::download);
        server.start();
    }

    void serve(FileSystemBlobStore blobStore) {
        this.store = blobStore;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("PUT")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            try (InputStream body = exchange.getRequestBody()) {
                store.receiveUpload(query(exchange), exchange.getRequestHeaders().getFirst("Content-Type"),
                        length == null ? -1 : Long.parseLong(length), body);
                exchange.sendResponseHeaders(200, -1);
            } catch (CoherenceException e) {
                reply(exchange, HttpReply.error(e));
            }
        }
    }

    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                BlobDownload blob = store.openDownload(query(exchange), exchange.getRequestHeaders().getFirst("Range"));
                exchange.getResponseHeaders().set("Content-Type", blob.contentType());
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                if (blob.contentRange() != null) {
                    exchange.getResponseHeaders().set("Content-Range", blob.contentRange());
                }
                exchange.sendResponseHeaders(blob.status(), blob.length() == 0 ? -1 : blob.length());
                try (OutputStream out = exchange.getResponseBody()) {
                    blob.writeTo(out);
                }
            } catch (CoherenceException e) {
                reply(exchange, HttpReply.error(e));
            }
        }
    }

    private static void reply(HttpExchange exchange, HttpReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        exchange.getResponseBody().write(reply.body());
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
