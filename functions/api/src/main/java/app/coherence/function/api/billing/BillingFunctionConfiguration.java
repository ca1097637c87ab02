package app.coherence.function.api.billing;

import app.coherence.core.billing.BillingService;
import app.coherence.core.billing.BillingSettings;
import app.coherence.core.billing.Payments;
import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.user.FirstUse;
import app.coherence.core.user.Identity;
import app.coherence.core.user.UserStore;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code billing} function bean (/v1/billing/**), which the {@code api} bean delegates to. Without
 * a {@link Payments} bean (no STRIPE_API_KEY) every route answers 503 BILLING_NOT_CONFIGURED.
 */
@Configuration(proxyBeanMethods = false)
public class BillingFunctionConfiguration {

    @Bean
    public BillingService billingService(UserStore users, ObjectProvider<Payments> payments, Environment env) {
        return new BillingService(users, Optional.ofNullable(payments.getIfAvailable()), BillingSettings.from(env::getProperty));
    }

    @Bean
    public HttpFunction billing(Identity identity, UserStore users, BillingService billingService) {
        BillingFunction function = new BillingFunction(new Authenticator(identity, new FirstUse(users)::accept), billingService);
        return HttpFunctions.guarded(HttpRoutes.builder()
                .route("POST", "/v1/billing/checkout", function::checkout)
                .route("POST", "/v1/billing/portal", function::portal)
                .build());
    }
}
