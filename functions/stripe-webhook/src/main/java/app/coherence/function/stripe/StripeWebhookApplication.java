package app.coherence.function.stripe;

import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.FunctionApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * The stripe-webhook function as deployed to Cloud Functions: the {@code stripeWebhook} bean on the GCP
 * ports (STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_INDIVIDUAL, STRIPE_PRICE_PRO from the environment).
 */
// the invoker takes only a Spring Boot configuration as start class; functional start: never parsed as one
@SpringBootConfiguration(proxyBeanMethods = false)
public class StripeWebhookApplication extends FunctionApplication {

    public StripeWebhookApplication() {
        super("classpath:app/coherence/function/stripe/stripe-webhook-function.properties",
                StripeWebhookFunctionConfiguration.class, GcpPortsConfiguration.class);
    }
}
