package app.coherence.gcp.stripe;

import app.coherence.core.billing.Payments;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.gcp.Deadlines;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Payments} with the Stripe API (stripe-java). */
public class StripePayments implements Payments {
    private static final Logger LOG = LoggerFactory.getLogger(StripePayments.class);

    private static final int STRIPE_RETRIES = 2;

    private final StripeClient stripe;

    public StripePayments(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** A client for {@code apiKey}; {@code apiBase} overrides Stripe's endpoint (tests), null keeps it. */
    public static StripePayments create(String apiKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(apiKey)
                .setMaxNetworkRetries(STRIPE_RETRIES)
                // every try (the first and each retry) within its share of the deadline
                .setConnectTimeout((int) Deadlines.STRIPE.dividedBy(STRIPE_RETRIES + 1).toMillis())
                .setReadTimeout((int) Deadlines.STRIPE.dividedBy(STRIPE_RETRIES + 1).toMillis());
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        return new StripePayments(builder.build());
    }

    @Override
    public String createCustomer(String uid, String email, String name) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("uid", uid);
        if (email != null) {
            params.setEmail(email);
        }
        if (name != null) {
            params.setName(name);
        }
        // Same key for the same uid: two racing first checkouts get the one customer (Stripe keeps keys 24 h).
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("customer-" + uid).build();
        try {
            return stripe.customers().create(params.build(), once).getId();
        } catch (StripeException e) {
            throw failure("creating the Stripe customer", e);
        }
    }

    @Override
    public String checkoutUrl(CheckoutRequest request) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(request.customerId())
                .setClientReferenceId(request.uid())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(request.priceId()).setQuantity(1L).build())
                .putMetadata("uid", request.uid())
                .putMetadata("plan", request.plan())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("uid", request.uid()).putMetadata("plan", request.plan()).build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .build();
        try {
            return stripe.checkout().sessions().create(params).getUrl();
        } catch (StripeException e) {
            throw failure("creating the Checkout Session", e);
        }
    }

    @Override
    public String portalUrl(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId).setReturnUrl(returnUrl).build();
        try {
            return stripe.billingPortal().sessions().create(params).getUrl();
        } catch (StripeException e) {
            throw failure("creating the Customer Portal session", e);
        }
    }

    private static CoherenceException failure(String what, StripeException e) {
        LOG.error("{} failed: {} (request {})", what, e.getMessage(), e.getRequestId());
        return new CoherenceException(ErrorCode.UNAVAILABLE, what + " failed; please try again",
                Map.of("provider", "stripe"), e);
    }
}
