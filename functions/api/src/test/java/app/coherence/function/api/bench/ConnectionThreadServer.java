package app.coherence.function.api.bench;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.http.QueryString;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves one {@link HttpFunction} over HTTP/1.1 on 127.0.0.1 with a thread per keep-alive connection:
 * the thread that reads a request runs the function and writes its answer, with no hand-off between a
 * selector and a worker pool (as Jetty, the Functions Framework's server, runs a request on the thread
 * that found it readable). The benchmark's transport; requests it cannot parse are answered 400.
 */
final class ConnectionThreadServer implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private final ServerSocket listener;
    private final HttpFunction function;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    ConnectionThreadServer(HttpFunction function) throws IOException {
        this.function = function;
        this.listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "api-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void acceptLoop() {
        int n = 0;
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "api-worker-" + ++n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return; // the client closed between requests
                }
                HttpReply reply;
                boolean close = false;
                try {
                    String[] parts = requestLine.split(" ");
                    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                        throw new IOException("bad request line");
                    }
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    int headerBytes = 0;
                    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                        headerBytes += h.length();
                        if (headerBytes > MAX_HEADER_BYTES) {
                            throw new IOException("headers too large");
                        }
                        int colon = h.indexOf(':');
                        if (colon <= 0) {
                            throw new IOException("bad header");
                        }
                        headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(h.substring(colon + 1).trim());
                    }
                    close = headers.getOrDefault("connection", List.of()).contains("close");
                    long length = Long.parseLong(headers.getOrDefault("content-length", List.of("0")).get(0));
                    byte[] body = in.readNBytes((int) Math.min(length, 1 << 20));
                    String target = parts[1];
                    int q = target.indexOf('?');
                    reply = function.apply(new HttpCall(parts[0], q < 0 ? target : target.substring(0, q),
                            QueryString.parse(q < 0 ? null : target.substring(q + 1)), headers, body));
                } catch (IOException | RuntimeException e) {
                    reply = HttpReply.text(400, "text/plain", "bad request");
                    close = true;
                }
                byte[] body = reply.body();
                StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(reply.status()).append(" X\r\n")
                        .append("Content-Type: ").append(reply.contentType()).append("\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
                reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // closed by the client or by close()
        } catch (IOException e) {
            // the connection broke: its thread ends
        } finally {
            open.remove(s);
            ThreadCpu.threadEnding();
        }
    }

    /** One CRLF-ended line, or null when the stream ended before any byte of it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        for (; b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
