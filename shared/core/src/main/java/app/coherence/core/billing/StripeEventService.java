package app.coherence.core.billing;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.Plan;
import app.coherence.core.user.UserAccount;
import app.coherence.core.user.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies verified Stripe events to subscriptions and plans. The caller has checked the signature;
 * this reads the event JSON (independent of the API version stripe-java was built for).
 */
public class StripeEventService {
    private static final Logger LOG = LoggerFactory.getLogger(StripeEventService.class);

    public static final String CHECKOUT_COMPLETED = "checkout.session.completed";
    public static final String SUBSCRIPTION_CREATED = "customer.subscription.created";
    public static final String SUBSCRIPTION_UPDATED = "customer.subscription.updated";
    public static final String SUBSCRIPTION_DELETED = "customer.subscription.deleted";
    public static final String PAYMENT_FAILED = "invoice.payment_failed";

    private final SubscriptionStore subscriptions;
    private final UserStore users;
    private final BillingSettings settings;

    public StripeEventService(SubscriptionStore subscriptions, UserStore users, BillingSettings settings) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.settings = settings;
    }

    /** Applies one event; the result says whether it changed anything. Malformed events → 400. */
    public SubscriptionStore.Outcome handle(JsonNode event) {
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !event.path("created").canConvertToLong() || !object.isObject()) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "not a Stripe event: id, type, created and data.object are required");
        }
        StripeEventRef ref = new StripeEventRef(id, type, Instant.ofEpochSecond(event.path("created").asLong()));
        try (var ignored = MDC.putCloseable("stripeEventId", id)) {
            SubscriptionStore.Outcome outcome = switch (type) {
                case CHECKOUT_COMPLETED -> checkoutCompleted(ref, object);
                case SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED -> subscriptionChanged(ref, object);
                case PAYMENT_FAILED -> paymentFailed(ref, object);
                default -> subscriptions.ignore(ref, "event type not handled");
            };
            LOG.info("stripe event {} {}: {}", type, id, outcome);
            return outcome;
        }
    }

    private SubscriptionStore.Outcome checkoutCompleted(StripeEventRef ref, JsonNode session) {
        if (!"subscription".equals(text(session, "mode")) || !"complete".equals(text(session, "status"))) {
            return subscriptions.ignore(ref, "not a completed subscription checkout");
        }
        String customer = idOf(session.path("customer"));
        Optional<String> uid = firstPresent(
                Optional.ofNullable(text(session, "client_reference_id")),
                Optional.ofNullable(text(session.path("metadata"), "uid")),
                byCustomer(customer),
                byEmail(text(session.path("customer_details"), "email")),
                byEmail(text(session, "customer_email")));
        if (uid.isEmpty()) {
            return unknownUser(ref, customer);
        }
        Optional<Plan> plan = planNamed(text(session.path("metadata"), "plan"));
        String subscriptionId = idOf(session.path("subscription"));
        // Paid at checkout: the plan applies at once, before customer.subscription.* arrives.
        return subscriptions.apply(ref, uid.get(), true,
                s -> s.withStripeState(customer, subscriptionId, plan.orElse(null), "active", false, null));
    }

    private SubscriptionStore.Outcome subscriptionChanged(StripeEventRef ref, JsonNode sub) {
        String customer = idOf(sub.path("customer"));
        Optional<String> uid = firstPresent(Optional.ofNullable(text(sub.path("metadata"), "uid")), byCustomer(customer));
        if (uid.isEmpty()) {
            return unknownUser(ref, customer);
        }
        JsonNode item = sub.path("items").path("data").path(0);
        String price = idOf(item.path("price"));
        Optional<Plan> plan = price == null ? Optional.empty() : settings.planOfPrice(price);
        if (price != null && plan.isEmpty()) {
            LOG.error("stripe price {} is not mapped to a plan (STRIPE_PRICE_INDIVIDUAL / STRIPE_PRICE_PRO); plan kept", price);
        }
        String status = SUBSCRIPTION_DELETED.equals(ref.type()) ? "canceled" : text(sub, "status");
        // Since API 2025-03-31 the period end lives on the subscription items.
        Instant periodEnd = epoch(sub.path("current_period_end")).or(() -> epoch(item.path("current_period_end"))).orElse(null);
        boolean cancelAtEnd = sub.path("cancel_at_period_end").asBoolean(false);
        return subscriptions.apply(ref, uid.get(), true,
                s -> s.withStripeState(customer, text(sub, "id"), plan.orElse(null), status, cancelAtEnd, periodEnd));
    }

    private SubscriptionStore.Outcome paymentFailed(StripeEventRef ref, JsonNode invoice) {
        String customer = idOf(invoice.path("customer"));
        Optional<String> uid = byCustomer(customer);
        if (uid.isEmpty()) {
            return unknownUser(ref, customer);
        }
        // Stripe retries the payment and reports the resulting status in customer.subscription.updated;
        // here we only note the failure so the user can be told.
        return subscriptions.apply(ref, uid.get(), false, s -> s.withPaymentFailed(ref.created()));
    }

    private SubscriptionStore.Outcome unknownUser(StripeEventRef ref, String customer) {
        LOG.warn("stripe event {} for customer {} matches no user; marked processed", ref.type(), customer);
        return subscriptions.ignore(ref, "no user for customer " + customer);
    }

    private Optional<String> byCustomer(String customer) {
        return customer == null ? Optional.empty() : users.findByStripeCustomerId(customer).map(UserAccount::uid);
    }

    private Optional<String> byEmail(String email) {
        return email == null ? Optional.empty() : users.findByEmail(email).map(UserAccount::uid);
    }

    @SafeVarargs
    private static Optional<String> firstPresent(Optional<String>... candidates) {
        for (Optional<String> candidate : candidates) {
            if (candidate.isPresent() && !candidate.get().isBlank()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static Optional<Plan> planNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Plan.fromWire(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A Stripe reference is either an id string or, when expanded, an object with an id. */
    private static String idOf(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isObject() ? text(node, "id") : null;
    }

    private static Optional<Instant> epoch(JsonNode node) {
        return node.canConvertToLong() && !node.isNull() && !node.isMissingNode()
                ? Optional.of(Instant.ofEpochSecond(node.asLong())) : Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
