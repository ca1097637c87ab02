package app.coherence.core.billing;

import app.coherence.core.user.Plan;
import java.time.Instant;
import java.util.Set;

/**
 * A user's subscription as Stripe last told us ({@code subscriptions/{uid}}). {@code lastEventCreated}
 * is the creation time of the newest Stripe event applied: an older one never overwrites this state.
 */
public record Subscription(String uid, String stripeCustomerId, String stripeSubscriptionId, Plan plan,
                           String status, boolean cancelAtPeriodEnd, Instant currentPeriodEnd,
                           Instant lastPaymentFailedAt, Instant lastEventCreated, String lastEventId) {

    /** Stripe statuses in which the paid plan's allowance applies (past_due: Stripe is still retrying the payment). */
    private static final Set<String> ENTITLED = Set.of("active", "trialing", "past_due");

    public static Subscription none(String uid) {
        return new Subscription(uid, null, null, Plan.FREE, "none", false, null, null, null, null);
    }

    /**
     * The plan quota follows. A cancellation at period end keeps the plan while Stripe reports the
     * subscription active; Stripe's customer.subscription.deleted at the period's end moves it to free.
     */
    public Plan effectivePlan() {
        return plan != null && status != null && ENTITLED.contains(status) ? plan : Plan.FREE;
    }

    public Subscription withStripeState(String customer, String subscriptionId, Plan newPlan, String newStatus,
                                        boolean cancelAtEnd, Instant periodEnd) {
        return new Subscription(uid, customer == null ? stripeCustomerId : customer,
                subscriptionId == null ? stripeSubscriptionId : subscriptionId,
                newPlan == null ? plan : newPlan, newStatus == null ? status : newStatus, cancelAtEnd,
                periodEnd == null ? currentPeriodEnd : periodEnd, lastPaymentFailedAt, lastEventCreated, lastEventId);
    }

    public Subscription withPaymentFailed(Instant at) {
        return new Subscription(uid, stripeCustomerId, stripeSubscriptionId, plan, status, cancelAtPeriodEnd,
                currentPeriodEnd, at, lastEventCreated, lastEventId);
    }

    public Subscription withLastEvent(String eventId, Instant created) {
        return new Subscription(uid, stripeCustomerId, stripeSubscriptionId, plan, status, cancelAtPeriodEnd,
                currentPeriodEnd, lastPaymentFailedAt, created, eventId);
    }
}
