package app.coherence.function.api.billing;

import app.coherence.core.billing.BillingService;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import java.util.Map;
import org.slf4j.MDC;

/**
 * POST /v1/billing/checkout {plan} → {url} of a Stripe Checkout Session; POST /v1/billing/portal →
 * {url} of the Stripe Customer Portal. Both need the caller's ID token.
 */
public class BillingFunction {
    private final Authenticator authenticator;
    private final BillingService billing;

    public BillingFunction(Authenticator authenticator, BillingService billing) {
        this.authenticator = authenticator;
        this.billing = billing;
    }

    public HttpReply checkout(HttpCall call) {
        billing.requireConfigured();
        AuthenticatedUser user = authenticator.authenticate(call);
        try (var ignored = MDC.putCloseable("userId", user.uid())) {
            CheckoutBody body = call.jsonBody(CheckoutBody.class);
            return HttpReply.json(200, Map.of("url", billing.checkout(user, plan(body.plan()))));
        }
    }

    public HttpReply portal(HttpCall call) {
        billing.requireConfigured();
        AuthenticatedUser user = authenticator.authenticate(call);
        try (var ignored = MDC.putCloseable("userId", user.uid())) {
            return HttpReply.json(200, Map.of("url", billing.portal(user)));
        }
    }

    private static Plan plan(String name) {
        if (name == null || name.isBlank()) {
            throw CoherenceException.invalid("plan is required: individual or pro");
        }
        try {
            return Plan.fromWire(name.strip());
        } catch (IllegalArgumentException e) {
            throw CoherenceException.invalid("unknown plan '" + name + "'; use individual or pro");
        }
    }

    /** The body of a checkout request. */
    public record CheckoutBody(String plan) {
    }
}
