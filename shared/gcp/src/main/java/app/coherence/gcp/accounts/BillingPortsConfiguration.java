package app.coherence.gcp.accounts;

import app.coherence.core.billing.Payments;
import app.coherence.gcp.firestore.FirestoreSubscriptionStore;
import app.coherence.gcp.stripe.StripePayments;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The billing ports: {@code SubscriptionStore} on Firestore and, only when STRIPE_API_KEY is set,
 * {@link Payments} with stripe-java (STRIPE_API_BASE points it elsewhere, e.g. a test server).
 * Needs a {@link Firestore} and a {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
public class BillingPortsConfiguration {

    @Bean
    public FirestoreSubscriptionStore subscriptionStore(Firestore firestore, Clock clock) {
        return new FirestoreSubscriptionStore(firestore, clock);
    }

    @Bean
    @Conditional(StripeKeySet.class)
    public Payments payments(Environment env) {
        return StripePayments.create(env.getProperty("STRIPE_API_KEY").strip(), env.getProperty("STRIPE_API_BASE"));
    }

    /** True when STRIPE_API_KEY has a value. */
    static final class StripeKeySet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String key = context.getEnvironment().getProperty("STRIPE_API_KEY");
            return key != null && !key.isBlank();
        }
    }
}
