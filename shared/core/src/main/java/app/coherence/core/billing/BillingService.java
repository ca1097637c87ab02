package app.coherence.core.billing;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import app.coherence.core.user.UserAccount;
import app.coherence.core.user.UserStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a user to Stripe: Checkout to subscribe to a paid plan, the Customer Portal to manage it. */
public class BillingService {
    private static final Logger LOG = LoggerFactory.getLogger(BillingService.class);

    private final UserStore users;
    private final Optional<Payments> payments;
    private final BillingSettings settings;

    /** {@code payments} is empty when no Stripe key is configured: every call then answers 503 BILLING_NOT_CONFIGURED. */
    public BillingService(UserStore users, Optional<Payments> payments, BillingSettings settings) {
        this.users = users;
        this.payments = payments;
        this.settings = settings;
    }

    /** The URL of a Checkout Session for {@code plan}; the user's Stripe customer is created once and kept. */
    public String checkout(AuthenticatedUser user, Plan plan) {
        Payments stripe = configured();
        if (plan == null || plan == Plan.FREE) {
            throw CoherenceException.invalid("plan must be one of: individual, pro");
        }
        String price = settings.priceOf(plan).orElseThrow(() -> new CoherenceException(ErrorCode.BILLING_NOT_CONFIGURED,
                "no Stripe price is configured for plan " + plan.wireName() + " (STRIPE_PRICE_" + plan.name() + ")"));
        String customer = customerOf(user, stripe);
        String url = stripe.checkoutUrl(new Payments.CheckoutRequest(customer, price, user.uid(), plan.wireName(),
                settings.successUrl(), settings.cancelUrl()));
        LOG.info("checkout session created for plan {}", plan.wireName());
        return url;
    }

    /** The URL of the Customer Portal; a user who never subscribed has nothing to manage (409). */
    public String portal(AuthenticatedUser user) {
        Payments stripe = configured();
        String customer = users.find(user.uid()).map(UserAccount::stripeCustomerId)
                .orElseThrow(() -> new CoherenceException(ErrorCode.CONFLICT,
                        "you have no subscription to manage yet; choose a plan first"));
        return stripe.portalUrl(customer, settings.returnUrl());
    }

    private String customerOf(AuthenticatedUser user, Payments stripe) {
        UserAccount account = users.ensure(user);
        if (account.stripeCustomerId() != null) {
            return account.stripeCustomerId();
        }
        // The adapter makes creation idempotent per uid, so two racing checkouts get one customer.
        String customer = stripe.createCustomer(user.uid(), user.email(), user.displayName());
        users.setStripeCustomerId(user.uid(), customer);
        return customer;
    }

    /** Throws 503 BILLING_NOT_CONFIGURED when no Stripe key is configured (checked before anything else). */
    public void requireConfigured() {
        configured();
    }

    private Payments configured() {
        return payments.orElseThrow(() -> new CoherenceException(ErrorCode.BILLING_NOT_CONFIGURED,
                "billing is not configured on this server (STRIPE_API_KEY is not set)"));
    }
}
