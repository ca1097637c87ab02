package app.coherence.gcp.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.billing.BillingService;
import app.coherence.core.billing.BillingSettings;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUserStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout and portal through stripe-java against a local server that answers in Stripe's wire format
 * (form-encoded requests, JSON objects back), with accounts in the Firestore emulator.
 */
class StripePaymentsTest {
    private static final List<Map<String, String>> CUSTOMER_CALLS = new CopyOnWriteArrayList<>();
    private static final List<Map<String, String>> CHECKOUT_CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, String> CUSTOMERS_BY_KEY = new HashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static HttpServer stripe;
    private static FirestoreTestEmulator emulator;
    private static FirestoreUserStore users;
    private static BillingService billing;

    @BeforeAll
    static void start() throws IOException {
        stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stripe.createContext("/v1/customers", exchange -> {
            Map<String, String> form = form(exchange);
            form.put("Idempotency-Key", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            CUSTOMER_CALLS.add(form);
            String id;
            synchronized (CUSTOMERS_BY_KEY) {
                // Stripe answers a repeated idempotency key with the first result.
                id = CUSTOMERS_BY_KEY.computeIfAbsent(String.valueOf(form.get("Idempotency-Key")), k -> "cus_" + NEXT.incrementAndGet());
            }
            reply(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"" + form.get("email") + "\"}");
        });
        stripe.createContext("/v1/checkout/sessions", exchange -> {
            CHECKOUT_CALLS.add(form(exchange));
            String id = "cs_test_" + NEXT.incrementAndGet();
            reply(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                    + "\"url\":\"https://checkout.stripe.com/c/pay/" + id + "\"}");
        });
        stripe.createContext("/v1/billing_portal/sessions", exchange -> {
            Map<String, String> form = form(exchange);
            reply(exchange, 200, "{\"id\":\"bps_1\",\"object\":\"billing_portal.session\",\"customer\":\""
                    + form.get("customer") + "\",\"url\":\"https://billing.stripe.com/p/session/test_" + form.get("customer") + "\"}");
        });
        stripe.start();
        emulator = FirestoreTestEmulator.shared();
        users = new FirestoreUserStore(emulator.admin(), Clock.systemUTC());
        StripePayments payments = StripePayments.create("sk_test_local", "http://127.0.0.1:" + stripe.getAddress().getPort());
        billing = new BillingService(users, Optional.of(payments), settings());
    }

    @AfterAll
    static void stop() throws Exception {
        stripe.stop(0);
        emulator.close();
    }

    private static BillingSettings settings() {
        return BillingSettings.from(Map.of("STRIPE_PRICE_INDIVIDUAL", "price_ind", "STRIPE_PRICE_PRO", "price_pro",
                "APP_URL", "https://coherence.example")::get);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        form.put("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void checkout_shouldCreateTheCustomerOnceAndReturnTheSessionUrl() {
        AuthenticatedUser user = new AuthenticatedUser("buyer1", "buyer1@example.com", "Buyer One");
        int customersBefore = CUSTOMER_CALLS.size();
        String first = billing.checkout(user, Plan.INDIVIDUAL);
        String second = billing.checkout(user, Plan.PRO);
        assertThat(first).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        assertThat(second).isNotEqualTo(first);
        assertThat(CUSTOMER_CALLS.size() - customersBefore).as("customer created once, then reused").isEqualTo(1);
        Map<String, String> customer = CUSTOMER_CALLS.get(CUSTOMER_CALLS.size() - 1);
        assertThat(customer).containsEntry("email", "buyer1@example.com").containsEntry("metadata[uid]", "buyer1")
                .containsEntry("Idempotency-Key", "customer-buyer1").containsEntry("Authorization", "Bearer sk_test_local");
        String customerId = users.find("buyer1").orElseThrow().stripeCustomerId();
        assertThat(customerId).startsWith("cus_");

        Map<String, String> session = CHECKOUT_CALLS.get(CHECKOUT_CALLS.size() - 2);
        assertThat(session).containsEntry("mode", "subscription").containsEntry("customer", customerId)
                .containsEntry("client_reference_id", "buyer1").containsEntry("line_items[0][price]", "price_ind")
                .containsEntry("metadata[plan]", "individual").containsEntry("subscription_data[metadata][uid]", "buyer1")
                .containsEntry("success_url", "https://coherence.example/?billing=success");
        assertThat(CHECKOUT_CALLS.get(CHECKOUT_CALLS.size() - 1)).containsEntry("line_items[0][price]", "price_pro");
    }

    @Test
    void portal_shouldOpenForACustomerAndRefuseOtherwise() {
        AuthenticatedUser user = new AuthenticatedUser("buyer2", "buyer2@example.com", null);
        assertThatThrownBy(() -> billing.portal(user)).isInstanceOfSatisfying(CoherenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        billing.checkout(user, Plan.PRO);
        String customer = users.find("buyer2").orElseThrow().stripeCustomerId();
        assertThat(billing.portal(user)).isEqualTo("https://billing.stripe.com/p/session/test_" + customer);
    }

    @Test
    void checkout_forFreeOrUnpricedPlan_shouldBeRefused() {
        AuthenticatedUser user = new AuthenticatedUser("buyer3", "buyer3@example.com", null);
        assertThatThrownBy(() -> billing.checkout(user, Plan.FREE)).isInstanceOfSatisfying(CoherenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        BillingService noPrices = new BillingService(users, Optional.of(StripePayments.create("sk_test_local",
                "http://127.0.0.1:" + stripe.getAddress().getPort())), BillingSettings.from(Map.<String, String>of()::get));
        assertThatThrownBy(() -> noPrices.checkout(user, Plan.PRO)).isInstanceOfSatisfying(CoherenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_NOT_CONFIGURED));
    }

    @Test
    void billing_withoutKey_shouldAnswerBillingNotConfigured() {
        BillingService unconfigured = new BillingService(users, Optional.empty(), settings());
        AuthenticatedUser user = new AuthenticatedUser("buyer4", "buyer4@example.com", null);
        assertThatThrownBy(() -> unconfigured.checkout(user, Plan.PRO)).isInstanceOfSatisfying(CoherenceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BILLING_NOT_CONFIGURED);
            assertThat(e.code().httpStatus()).isEqualTo(503);
        });
        assertThatThrownBy(() -> unconfigured.portal(user)).isInstanceOfSatisfying(CoherenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_NOT_CONFIGURED));
    }

    @Test
    void stripeFailure_shouldBeUnavailableNotInternal() {
        StripePayments broken = StripePayments.create("sk_test_local", "http://127.0.0.1:" + stripe.getAddress().getPort() + "/nothing-here");
        assertThatThrownBy(() -> broken.createCustomer("u", "u@example.com", null)).isInstanceOfSatisfying(CoherenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
