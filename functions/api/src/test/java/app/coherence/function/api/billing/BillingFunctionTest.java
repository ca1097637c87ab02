package app.coherence.function.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.billing.BillingService;
import app.coherence.core.billing.Payments;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.user.Identity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * The billing bean's answers before Stripe is reached: not configured (no key) → 503 for anyone;
 * configured → the caller must be signed in, and bad plans are 400. The user store is never reached
 * in these paths (it is absent).
 */
class BillingFunctionTest {
    private static final Identity REJECT_ALL = token -> {
        throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "invalid ID token");
    };

    private static HttpFunction billing(Payments payments) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (payments != null) {
            beans.addBean("payments", payments);
        }
        BillingFunctionConfiguration config = new BillingFunctionConfiguration();
        BillingService service = config.billingService(null, beans.getBeanProvider(Payments.class), new StandardEnvironment());
        return config.billing(REJECT_ALL, null, service);
    }

    private static HttpCall post(String path, String body, String token) {
        Map<String, List<String>> headers = token == null ? Map.of() : Map.of("authorization", List.of("Bearer " + token));
        return new HttpCall("POST", path, Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutStripeKey_shouldAnswer503BillingNotConfigured() {
        HttpFunction billing = billing(null);
        for (String path : List.of("/v1/billing/checkout", "/v1/billing/portal")) {
            HttpReply reply = billing.apply(post(path, "{\"plan\":\"individual\"}", "some-token"));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(Json.tree(reply.body()).path("error").path("code").asText()).isEqualTo("BILLING_NOT_CONFIGURED");
        }
    }

    @Test
    void configured_shouldRequireASignedInCaller() {
        Payments unreachable = new Payments() {
            @Override
            public String createCustomer(String uid, String email, String name) {
                throw new AssertionError("Stripe must not be called for an unauthenticated request");
            }

            @Override
            public String checkoutUrl(CheckoutRequest request) {
                throw new AssertionError("Stripe must not be called for an unauthenticated request");
            }

            @Override
            public String portalUrl(String customerId, String returnUrl) {
                throw new AssertionError("Stripe must not be called for an unauthenticated request");
            }
        };
        HttpFunction billing = billing(unreachable);
        assertThat(billing.apply(post("/v1/billing/checkout", "{\"plan\":\"pro\"}", null)).status()).isEqualTo(401);
        assertThat(billing.apply(post("/v1/billing/portal", "", "forged")).status()).isEqualTo(401);
        assertThat(billing.apply(HttpCall.of("GET", "/v1/billing/checkout")).status()).isEqualTo(405);
        assertThat(billing.apply(post("/v1/billing/elsewhere", "", null)).status()).isEqualTo(404);
    }
}
