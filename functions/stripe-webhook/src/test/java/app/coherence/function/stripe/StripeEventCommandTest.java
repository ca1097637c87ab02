package app.coherence.function.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.function.stripe.cli.StripeEventCommand;
import app.coherence.gcp.firestore.FirestoreSubscriptionStore;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUserStore;
import com.google.cloud.firestore.Firestore;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The stripe-event command against the real webhook function over HTTP: its signatures verify and its events apply. */
class StripeEventCommandTest {
    private static FirestoreTestEmulator emulator;
    private static Firestore db;
    private static FirestoreUserStore users;
    private static HttpServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        emulator = FirestoreTestEmulator.shared();
        db = emulator.admin();
        users = new FirestoreUserStore(db, Clock.systemUTC());
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("local", Map.of(
                "STRIPE_WEBHOOK_SECRET", StripeEventCommand.LOCAL_WEBHOOK_SECRET,
                "STRIPE_PRICE_INDIVIDUAL", StripeEventCommand.LOCAL_PRICE_PREFIX + "individual",
                "STRIPE_PRICE_PRO", StripeEventCommand.LOCAL_PRICE_PREFIX + "pro")));
        HttpFunction webhook = new StripeWebhookFunctionConfiguration().stripeWebhook(
                new FirestoreSubscriptionStore(db, Clock.systemUTC()), users, env, Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            HttpReply reply = webhook.apply(new HttpCall(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.of(), headers, exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        emulator.close();
    }

    private static String planOf(String uid) throws Exception {
        return db.collection("users").document(uid).get().get().getString("plan");
    }

    private static int command(String... args) throws Exception {
        return StripeEventCommand.run(args);
    }

    @Test
    void command_shouldMoveAUsersPlanThroughTheWebhook() throws Exception {
        String uid = "cmd" + UUID.randomUUID().toString().substring(0, 8);
        String email = uid + "@example.com";
        users.ensure(new AuthenticatedUser(uid, email, "Cmd"));

        assertThat(command("checkout.session.completed", "--user", email, "--plan", "pro", "--url", url)).isZero();
        assertThat(planOf(uid)).isEqualTo("pro");
        assertThat(command("customer.subscription.updated", "--user", email, "--plan", "individual", "--url", url)).isZero();
        assertThat(planOf(uid)).isEqualTo("individual");
        assertThat(command("customer.subscription.deleted", "--user", email, "--plan", "individual", "--url", url)).isZero();
        assertThat(planOf(uid)).isEqualTo("free");
    }

    @Test
    void command_withAnotherSecret_shouldBeRefused() throws Exception {
        assertThat(command("checkout.session.completed", "--user", "x@example.com", "--url", url,
                "--secret", "whsec_not_the_local_one")).isEqualTo(1);
    }

    @Test
    void command_shouldRejectBadArguments() {
        assertThatThrownBy(() -> command()).hasMessageContaining("TYPE is required");
        assertThatThrownBy(() -> command("charge.refunded")).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> command("checkout.session.completed", "--plan", "gold")).hasMessageContaining("--plan");
        assertThatThrownBy(() -> command("checkout.session.completed", "--user")).hasMessageContaining("needs a value");
    }
}
