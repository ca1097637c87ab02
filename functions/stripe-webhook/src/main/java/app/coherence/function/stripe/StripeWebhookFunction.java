package app.coherence.function.stripe;

import app.coherence.core.billing.StripeEventService;
import app.coherence.core.billing.SubscriptionStore;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /v1/stripe/webhook: verifies the {@code Stripe-Signature} with stripe-java (HMAC-SHA256 of
 * "t.payload" with the endpoint secret, timestamp within the tolerance), then applies the event once.
 * Anything unverifiable is 400 and changes nothing; Stripe retries on 5xx only.
 */
public class StripeWebhookFunction {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookFunction.class);

    /** Stripe's own default: a signature older than five minutes is a replay. */
    public static final long TOLERANCE_SECONDS = 300;

    private final String secret;
    private final StripeEventService events;
    private final Clock clock;

    /** {@code secret} may be null: the endpoint then answers 503 BILLING_NOT_CONFIGURED. */
    public StripeWebhookFunction(String secret, StripeEventService events, Clock clock) {
        this.secret = secret == null || secret.isBlank() ? null : secret.strip();
        this.events = events;
        this.clock = clock;
    }

    public HttpReply receive(HttpCall call) {
        if (secret == null) {
            throw new CoherenceException(ErrorCode.BILLING_NOT_CONFIGURED,
                    "the Stripe webhook is not configured on this server (STRIPE_WEBHOOK_SECRET is not set)");
        }
        String signature = call.header("stripe-signature").orElseThrow(() ->
                invalidSignature("missing Stripe-Signature header"));
        String payload = call.bodyText();
        try {
            Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw invalidSignature("Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            // Signed but not a JSON event (stripe-java's parser refused it).
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "the event is not valid JSON");
        }
        JsonNode event;
        try {
            event = Json.tree(call.body());
        } catch (UncheckedIOException e) {
            throw new CoherenceException(ErrorCode.MALFORMED_REQUEST, "the event is not valid JSON");
        }
        SubscriptionStore.Outcome outcome = events.handle(event);
        return HttpReply.json(200, Map.of("received", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static CoherenceException invalidSignature(String message) {
        LOG.warn("stripe webhook refused: {}", message);
        return new CoherenceException(ErrorCode.INVALID_ARGUMENT, message, Map.of("reason", "signature"));
    }
}
