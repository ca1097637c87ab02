package app.coherence.function.stripe;

import app.coherence.core.billing.BillingSettings;
import app.coherence.core.billing.StripeEventService;
import app.coherence.core.billing.SubscriptionStore;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.user.UserStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code stripeWebhook} function bean: POST /v1/stripe/webhook. Reads STRIPE_WEBHOOK_SECRET and the
 * price → plan mapping (STRIPE_PRICE_INDIVIDUAL, STRIPE_PRICE_PRO) from the environment.
 */
@Configuration(proxyBeanMethods = false)
public class StripeWebhookFunctionConfiguration {

    @Bean
    public HttpFunction stripeWebhook(SubscriptionStore subscriptions, UserStore users, Environment env, Clock clock) {
        StripeEventService events = new StripeEventService(subscriptions, users, BillingSettings.from(env::getProperty));
        StripeWebhookFunction function = new StripeWebhookFunction(env.getProperty("STRIPE_WEBHOOK_SECRET"), events, clock);
        return HttpFunctions.guarded(HttpRoutes.builder()
                .route("POST", "/v1/stripe/webhook", function::receive)
                .build());
    }
}
