package app.coherence.local;

import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/** Where the local server listens, known once the web server has started (the port may be 0 = free). */
public final class LocalAddress implements ApplicationListener<WebServerInitializedEvent> {
    private final String publicUrl;
    private volatile int port = -1;

    /** {@code publicUrl}: the base URL clients should use, or empty for http://127.0.0.1:PORT. */
    public LocalAddress(String publicUrl) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    public int port() {
        if (port < 0) {
            throw new IllegalStateException("the local server has not started yet");
        }
        return port;
    }

    /** The base URL clients reach the server at, e.g. http://127.0.0.1:8080. */
    public String baseUrl() {
        return publicUrl.isEmpty() ? loopbackUrl() : publicUrl;
    }

    /** The server on the loopback interface: what the in-process dispatcher calls. */
    public String loopbackUrl() {
        return "http://127.0.0.1:" + port();
    }

    public URI analyzeTaskUri() {
        return URI.create(loopbackUrl() + "/tasks/analyze");
    }
}
