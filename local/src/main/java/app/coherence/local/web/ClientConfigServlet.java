package app.coherence.local.web;

import app.coherence.core.http.HttpReply;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /config.json: what the web client needs to find Firebase here: the project, a Firebase config
 * for the emulators (any API key works there) and the Auth and Firestore emulator addresses.
 */
public final class ClientConfigServlet extends HttpServlet {
    private final String projectId;
    private final transient Supplier<String> authHost;
    private final transient Supplier<String> firestoreHost;

    public ClientConfigServlet(String projectId, Supplier<String> authHost, Supplier<String> firestoreHost) {
        this.projectId = projectId;
        this.authHost = authHost;
        this.firestoreHost = firestoreHost;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> firebase = new LinkedHashMap<>();
        firebase.put("apiKey", "fake-api-key");
        firebase.put("authDomain", projectId + ".firebaseapp.com");
        firebase.put("projectId", projectId);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("projectId", projectId);
        config.put("firebase", firebase);
        config.put("emulators", Map.of("auth", authHost.get(), "firestore", firestoreHost.get()));
        response.setHeader("Cache-Control", "no-store");
        ServletExchange.write(HttpReply.json(200, config), response);
    }
}
