package app.coherence.function.stripe;

import app.coherence.gcp.GcpPortsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The stripe-webhook function as deployed to Cloud Functions: the {@code stripeWebhook} bean on the GCP
 * ports (STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_INDIVIDUAL, STRIPE_PRICE_PRO from the environment).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({StripeWebhookFunctionConfiguration.class, GcpPortsConfiguration.class})
@PropertySource("classpath:app/coherence/function/stripe/stripe-webhook-function.properties")
public class StripeWebhookApplication {

    public static void main(String[] args) {
        SpringApplication.run(StripeWebhookApplication.class, args);
    }
}
