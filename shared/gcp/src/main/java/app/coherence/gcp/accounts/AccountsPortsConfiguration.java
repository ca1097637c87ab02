package app.coherence.gcp.accounts;

import app.coherence.core.billing.Payments;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.gcp.firestore.FirestoreSubscriptionStore;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
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
 * The account, quota and billing ports on Firestore and Stripe, for GcpPortsConfiguration and
 * LocalPortsConfiguration to import (both need a {@link Firestore} and a {@link Clock} bean):
 * the {@code UploadLedger} (also the {@code UsageStore}), {@code UserStore}, {@code SubscriptionStore},
 * {@link PlanLimits} (QUOTA_* overrides) and, only when STRIPE_API_KEY is set, {@link Payments}.
 */
@Configuration(proxyBeanMethods = false)
public class AccountsPortsConfiguration {

    @Bean
    public PlanLimits planLimits(Environment env) {
        return PlanLimits.from(env::getProperty);
    }

    @Bean
    public FirestoreUploadLedger uploadLedger(Firestore firestore, PlanLimits planLimits) {
        return new FirestoreUploadLedger(firestore, new QuotaPolicy(planLimits));
    }

    @Bean
    public FirestoreUserStore userStore(Firestore firestore, Clock clock) {
        return new FirestoreUserStore(firestore, clock);
    }

    @Bean
    public FirestoreSubscriptionStore subscriptionStore(Firestore firestore, Clock clock) {
        return new FirestoreSubscriptionStore(firestore, clock);
    }

    /** Stripe, with STRIPE_API_KEY (and STRIPE_API_BASE to point stripe-java elsewhere, e.g. a test server). */
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
