package app.coherence.core.billing;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: subscriptions ({@code subscriptions/{uid}}) and the log of processed Stripe events
 * ({@code stripeEvents/{id}}). Each apply is one transaction: the event marker, the subscription and
 * the user's plan ({@code users/{uid}.plan}, and stripeCustomerId) change together or not at all.
 */
public interface SubscriptionStore {

    /** What became of one event. */
    enum Outcome { APPLIED, DUPLICATE, STALE, IGNORED }

    /**
     * Applies {@code change} to the user's subscription once per event id. When {@code ordered}, an event
     * created before the subscription's lastEventCreated is only marked processed (STALE) and the
     * state is kept; an applied ordered event becomes the new lastEventCreated. Unordered events
     * (partial news such as a failed payment) change state without moving that mark.
     */
    Outcome apply(StripeEventRef event, String uid, boolean ordered, UnaryOperator<Subscription> change);

    /** Marks an event processed without changing any state; DUPLICATE when it already was. */
    Outcome ignore(StripeEventRef event, String reason);

    Optional<Subscription> find(String uid);
}
