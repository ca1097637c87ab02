package app.coherence.function.stripe.cli;

import app.coherence.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds Stripe events shaped like the ones Stripe sends (API 2025+: the period end lives on the
 * subscription items), for the stripe-event command and the webhook tests.
 */
public final class StripeEvents {
    public static final String API_VERSION = "2026-07-29.dahlia";

    private StripeEvents() {
    }

    /** Who and what an event is about. */
    public record Subject(String uid, String email, String customerId, String subscriptionId, String plan,
                          String priceId) {
    }

    /** checkout.session.completed for a paid subscription checkout started by our billing function. */
    public static String checkoutCompleted(String eventId, Instant created, Subject s) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_test_" + shortId());
        session.put("object", "checkout.session");
        session.put("mode", "subscription");
        session.put("status", "complete");
        session.put("payment_status", "paid");
        session.put("customer", s.customerId());
        session.put("subscription", s.subscriptionId());
        if (s.uid() != null) {
            session.put("client_reference_id", s.uid());
        }
        session.put("customer_details", Map.of("email", s.email()));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (s.uid() != null) {
            metadata.put("uid", s.uid());
        }
        metadata.put("plan", s.plan());
        session.put("metadata", metadata);
        session.put("created", created.getEpochSecond());
        session.put("livemode", false);
        return event(eventId, "checkout.session.completed", created, session);
    }

    /** customer.subscription.created / updated / deleted carrying the subscription's whole state. */
    public static String subscription(String eventId, String type, Instant created, Subject s, String status,
                                      boolean cancelAtPeriodEnd, Instant periodEnd) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("id", s.priceId());
        price.put("object", "price");
        price.put("recurring", Map.of("interval", "month", "interval_count", 1));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "si_" + shortId());
        item.put("object", "subscription_item");
        item.put("price", price);
        item.put("quantity", 1);
        item.put("current_period_start", periodEnd.minusSeconds(30L * 24 * 3600).getEpochSecond());
        item.put("current_period_end", periodEnd.getEpochSecond());
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("id", s.subscriptionId());
        sub.put("object", "subscription");
        sub.put("customer", s.customerId());
        sub.put("status", status);
        sub.put("cancel_at_period_end", cancelAtPeriodEnd);
        sub.put("items", Map.of("object", "list", "data", List.of(item)));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (s.uid() != null) {
            metadata.put("uid", s.uid());
        }
        metadata.put("plan", s.plan());
        sub.put("metadata", metadata);
        sub.put("livemode", false);
        return event(eventId, type, created, sub);
    }

    /** invoice.payment_failed for the subscription's latest invoice. */
    public static String paymentFailed(String eventId, Instant created, Subject s) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", "in_" + shortId());
        invoice.put("object", "invoice");
        invoice.put("customer", s.customerId());
        invoice.put("customer_email", s.email());
        invoice.put("status", "open");
        invoice.put("attempt_count", 1);
        invoice.put("billing_reason", "subscription_cycle");
        invoice.put("parent", Map.of("type", "subscription_details",
                "subscription_details", Map.of("subscription", s.subscriptionId())));
        return event(eventId, "invoice.payment_failed", created, invoice);
    }

    public static String newEventId() {
        return "evt_" + shortId() + shortId();
    }

    private static String event(String id, String type, Instant created, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created.getEpochSecond());
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of("idempotency_key", UUID.randomUUID().toString()));
        event.put("data", Map.of("object", object));
        return Json.write(event);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
