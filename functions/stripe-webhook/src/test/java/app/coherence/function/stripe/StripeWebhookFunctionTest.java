package app.coherence.function.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.video.Video;
import app.coherence.function.stripe.cli.StripeEvents;
import app.coherence.function.stripe.cli.StripeSignature;
import app.coherence.gcp.firestore.FirestoreSubscriptionStore;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StripeWebhookFunctionTest {
    private static final String SECRET = "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String PRICE_INDIVIDUAL = "price_test_individual";
    private static final String PRICE_PRO = "price_test_pro";

    private static FirestoreTestEmulator emulator;
    private static Firestore db;
    private static FirestoreUserStore users;
    private static FirestoreUploadLedger ledger;
    private static HttpFunction webhook;

    @BeforeAll
    static void start() {
        emulator = FirestoreTestEmulator.shared();
        db = emulator.admin();
        Clock clock = Clock.systemUTC();
        users = new FirestoreUserStore(db, clock);
        ledger = new FirestoreUploadLedger(db, new QuotaPolicy(PlanLimits.defaults()));
        webhook = webhookWith(SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    private static HttpFunction webhookWith(String secret) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("STRIPE_PRICE_INDIVIDUAL", PRICE_INDIVIDUAL);
        settings.put("STRIPE_PRICE_PRO", PRICE_PRO);
        if (secret != null) {
            settings.put("STRIPE_WEBHOOK_SECRET", secret);
        }
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return new StripeWebhookFunctionConfiguration().stripeWebhook(
                new FirestoreSubscriptionStore(db, Clock.systemUTC()), users, env, Clock.systemUTC());
    }

    /** A signed-up user on the free plan, with the Stripe ids a checkout would give them. */
    private static StripeEvents.Subject newUser(String plan) {
        String uid = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        users.ensure(new AuthenticatedUser(uid, uid + "@example.com", "Test " + uid));
        String price = "pro".equals(plan) ? PRICE_PRO : PRICE_INDIVIDUAL;
        return new StripeEvents.Subject(uid, uid + "@example.com", "cus_" + uid, "sub_" + uid, plan, price);
    }

    private static HttpReply deliver(String payload, String signatureHeader) {
        Map<String, List<String>> headers = signatureHeader == null ? Map.of()
                : Map.of("stripe-signature", List.of(signatureHeader));
        return webhook.apply(new HttpCall("POST", "/v1/stripe/webhook", Map.of(), headers,
                payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpReply deliverSigned(String payload) {
        return deliver(payload, StripeSignature.header(payload, SECRET, Instant.now().getEpochSecond()));
    }

    private static String planOf(String uid) throws Exception {
        return db.collection("users").document(uid).get().get().getString("plan");
    }

    private static int eventsFor(String uid) throws Exception {
        return db.collection("stripeEvents").whereEqualTo("userId", uid).get().get().size();
    }

    private static Video reservation(String uid) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        return Video.reserved(id, uid, "talk", "uploads/" + uid + "/" + id, "video/mp4", 1000, now, now.plus(Duration.ofHours(1)));
    }

    @Test
    void validEvent_deliveredThreeTimes_shouldApplyOnce() throws Exception {
        StripeEvents.Subject user = newUser("pro");
        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), Instant.now(), user);
        HttpReply first = deliverSigned(payload);
        HttpReply second = deliverSigned(payload);
        HttpReply third = deliverSigned(payload);
        assertThat(first.status()).isEqualTo(200);
        assertThat(Json.tree(first.body()).path("outcome").asText()).isEqualTo("applied");
        assertThat(List.of(second, third)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(Json.tree(r.body()).path("outcome").asText()).isEqualTo("duplicate");
        });
        assertThat(planOf(user.uid())).isEqualTo("pro");
        assertThat(eventsFor(user.uid())).isEqualTo(1);
        DocumentSnapshot sub = db.collection("subscriptions").document(user.uid()).get().get();
        assertThat(sub.getString("status")).isEqualTo("active");
        assertThat(sub.getString("stripeCustomerId")).isEqualTo(user.customerId());
        assertThat(users.find(user.uid()).orElseThrow().stripeCustomerId()).isEqualTo(user.customerId());
    }

    @Test
    void sameEvent_deliveredThreeTimesAtOnce_shouldApplyOnce() throws Exception {
        StripeEvents.Subject user = newUser("individual");
        String payload = StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.created",
                Instant.now(), user, "active", false, Instant.now().plus(Duration.ofDays(30)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<HttpReply>> replies = pool.invokeAll(List.of(
                    () -> deliverSigned(payload), () -> deliverSigned(payload), () -> deliverSigned(payload)));
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpReply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                outcomes.add(Json.tree(reply.get().body()).path("outcome").asText());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("applied", "duplicate", "duplicate");
        } finally {
            pool.shutdownNow();
        }
        assertThat(planOf(user.uid())).isEqualTo("individual");
        assertThat(eventsFor(user.uid())).isEqualTo(1);
    }

    @Test
    void unverifiableDeliveries_shouldBe400AndChangeNothing() throws Exception {
        StripeEvents.Subject user = newUser("pro");
        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), Instant.now(), user);
        long now = Instant.now().getEpochSecond();
        String forged = StripeSignature.header(payload.replace("\"pro\"", "\"individual\""), SECRET, now);
        String wrongSecret = StripeSignature.header(payload, "whsec_someone_else", now);
        String stale = StripeSignature.header(payload, SECRET, now - 3600);
        String malformed = "{\"id\": \"evt_1\", \"type\": ";
        String malformedSigned = StripeSignature.header(malformed, SECRET, now);
        String notAHeader = "v1=abc";

        assertThat(deliver(payload, forged).status()).isEqualTo(400);
        assertThat(deliver(payload, wrongSecret).status()).isEqualTo(400);
        assertThat(deliver(payload, stale).status()).isEqualTo(400);
        assertThat(deliver(malformed, malformedSigned).status()).isEqualTo(400);
        assertThat(deliver(payload, null).status()).isEqualTo(400);
        assertThat(deliver(payload, notAHeader).status()).isEqualTo(400);
        // A signed event with nothing an event needs is refused too.
        String empty = "{}";
        assertThat(deliver(empty, StripeSignature.header(empty, SECRET, now)).status()).isEqualTo(400);

        assertThat(Json.tree(deliver(payload, forged).body()).path("error").path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(planOf(user.uid())).isEqualTo("free");
        assertThat(eventsFor(user.uid())).isZero();
        assertThat(db.collection("subscriptions").document(user.uid()).get().get().exists()).isFalse();
    }

    @Test
    void eventsOutOfOrder_shouldEndInTheNewestState() throws Exception {
        StripeEvents.Subject user = newUser("pro");
        Instant t0 = Instant.now().minusSeconds(600);
        Instant periodEnd = t0.plus(Duration.ofDays(30));
        String created = StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.created", t0, user,
                "active", false, periodEnd);
        String cancelling = StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.updated",
                t0.plusSeconds(60), user, "active", true, periodEnd);
        String deleted = StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.deleted",
                t0.plusSeconds(120), user, "canceled", false, periodEnd);
        // Newest first, oldest last.
        assertThat(deliverSigned(deleted).status()).isEqualTo(200);
        assertThat(Json.tree(deliverSigned(created).body()).path("outcome").asText()).isEqualTo("stale");
        assertThat(Json.tree(deliverSigned(cancelling).body()).path("outcome").asText()).isEqualTo("stale");
        DocumentSnapshot sub = db.collection("subscriptions").document(user.uid()).get().get();
        assertThat(sub.getString("status")).isEqualTo("canceled");
        assertThat(planOf(user.uid())).isEqualTo("free");
        assertThat(eventsFor(user.uid())).isEqualTo(3);
    }

    @Test
    void cancelAtPeriodEnd_shouldKeepThePlanUntilStripeEndsTheSubscription() throws Exception {
        StripeEvents.Subject user = newUser("pro");
        Instant t0 = Instant.now().minusSeconds(600);
        Instant periodEnd = t0.plus(Duration.ofDays(30));
        deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.created", t0, user,
                "active", false, periodEnd));
        assertThat(planOf(user.uid())).isEqualTo("pro");
        deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.updated",
                t0.plusSeconds(10), user, "active", true, periodEnd));
        assertThat(planOf(user.uid())).as("paid until the period ends").isEqualTo("pro");
        DocumentSnapshot sub = db.collection("subscriptions").document(user.uid()).get().get();
        assertThat(sub.getBoolean("cancelAtPeriodEnd")).isTrue();
        assertThat(sub.getTimestamp("currentPeriodEnd").getSeconds()).isEqualTo(periodEnd.getEpochSecond());
        deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.deleted",
                t0.plusSeconds(20), user, "canceled", false, periodEnd));
        assertThat(planOf(user.uid())).isEqualTo("free");
    }

    @Test
    void paymentFailed_shouldBeRecordedWithoutChangingThePlan() throws Exception {
        StripeEvents.Subject user = newUser("individual");
        Instant t0 = Instant.now().minusSeconds(600);
        deliverSigned(StripeEvents.checkoutCompleted(StripeEvents.newEventId(), t0, user));
        HttpReply reply = deliverSigned(StripeEvents.paymentFailed(StripeEvents.newEventId(), t0.plusSeconds(5), user));
        assertThat(Json.tree(reply.body()).path("outcome").asText()).isEqualTo("applied");
        assertThat(planOf(user.uid())).isEqualTo("individual");
        assertThat(db.collection("subscriptions").document(user.uid()).get().get().getTimestamp("lastPaymentFailedAt")).isNotNull();
        // Stripe then reports the subscription past_due: still entitled while it retries.
        deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.updated",
                t0.plusSeconds(6), user, "past_due", false, t0.plus(Duration.ofDays(30))));
        assertThat(planOf(user.uid())).isEqualTo("individual");
        deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.updated",
                t0.plusSeconds(7), user, "unpaid", false, t0.plus(Duration.ofDays(30))));
        assertThat(planOf(user.uid())).isEqualTo("free");
    }

    @Test
    void checkoutForIndividual_shouldLiftTheLimitToTwentyAtOnce() throws Exception {
        StripeEvents.Subject user = newUser("individual");
        ledger.reserve(reservation(user.uid()));
        ledger.reserve(reservation(user.uid()));
        assertThatThrownBy(() -> ledger.reserve(reservation(user.uid())))
                .isInstanceOfSatisfying(CoherenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));

        assertThat(deliverSigned(StripeEvents.checkoutCompleted(StripeEvents.newEventId(), Instant.now(), user)).status())
                .isEqualTo(200);

        // 20 a month now; the daily guard (10) applies on every plan, so spread the rest over two days.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        boolean sameMonth = tomorrow.atZone(ZoneOffset.UTC).getMonth() == Instant.now().atZone(ZoneOffset.UTC).getMonth();
        for (int i = 2; i < 10; i++) {
            ledger.reserve(reservation(user.uid()));
        }
        if (sameMonth) {
            for (int i = 10; i < 20; i++) {
                ledger.reserve(reservedAt(user.uid(), tomorrow));
            }
            assertThatThrownBy(() -> ledger.reserve(reservedAt(user.uid(), tomorrow)))
                    .isInstanceOfSatisfying(CoherenceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        assertThat(e.details()).containsEntry("limit", 20).containsEntry("used", 20);
                    });
        } else {
            assertThatThrownBy(() -> ledger.reserve(reservation(user.uid())))
                    .isInstanceOfSatisfying(CoherenceException.class, e -> assertThat(e.details()).containsEntry("limit", 10));
        }
    }

    private static Video reservedAt(String uid, Instant at) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return Video.reserved(id, uid, "talk", "uploads/" + uid + "/" + id, "video/mp4", 1000, at, at.plus(Duration.ofHours(1)));
    }

    @Test
    void unknownCustomerAndUnhandledTypes_shouldBeAcknowledgedAndChangeNothing() throws Exception {
        StripeEvents.Subject stranger = new StripeEvents.Subject(null, "nobody@example.com", "cus_nobody", "sub_nobody",
                "pro", PRICE_PRO);
        HttpReply reply = deliverSigned(StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.updated",
                Instant.now(), stranger, "active", false, Instant.now().plus(Duration.ofDays(30))));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.tree(reply.body()).path("outcome").asText()).isEqualTo("ignored");
        String other = "{\"id\":\"" + StripeEvents.newEventId() + "\",\"object\":\"event\",\"type\":\"charge.succeeded\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"ch_1\"}}}";
        assertThat(Json.tree(deliverSigned(other).body()).path("outcome").asText()).isEqualTo("ignored");
    }

    @Test
    void withoutWebhookSecret_shouldAnswer503() {
        HttpReply reply = webhookWith(null).apply(new HttpCall("POST", "/v1/stripe/webhook", Map.of(),
                Map.of("stripe-signature", List.of("t=1,v1=00")), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(Json.tree(reply.body()).path("error").path("code").asText()).isEqualTo("BILLING_NOT_CONFIGURED");
    }
}
