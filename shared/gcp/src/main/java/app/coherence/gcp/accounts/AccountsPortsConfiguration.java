package app.coherence.gcp.accounts;

import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.gcp.firestore.FirestoreUploadLedger;
import app.coherence.gcp.firestore.FirestoreUserStore;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The account, quota and billing ports on Firestore and Stripe, for GcpPortsConfiguration to import
 * (needs a {@link Firestore} and a {@link Clock} bean): the {@code UploadLedger} (also the
 * {@code UsageStore}), {@code UserStore}, {@link PlanLimits} (QUOTA_* overrides) and the
 * {@link BillingPortsConfiguration billing ports}.
 */
@Configuration(proxyBeanMethods = false)
@Import(BillingPortsConfiguration.class)
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
}
