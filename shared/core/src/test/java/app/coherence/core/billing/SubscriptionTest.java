package app.coherence.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.user.Plan;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void effectivePlan_shouldFollowStripeStatus() {
        Subscription active = Subscription.none("u").withStripeState("cus", "sub", Plan.PRO, "active", false, null);
        assertThat(active.effectivePlan()).isEqualTo(Plan.PRO);
        Subscription cancelling = active.withStripeState(null, null, null, "active", true, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(cancelling.effectivePlan()).as("kept until the period ends").isEqualTo(Plan.PRO);
        assertThat(cancelling.withStripeState(null, null, null, "canceled", false, null).effectivePlan()).isEqualTo(Plan.FREE);
        assertThat(active.withStripeState(null, null, null, "past_due", false, null).effectivePlan()).isEqualTo(Plan.PRO);
        assertThat(active.withStripeState(null, null, null, "unpaid", false, null).effectivePlan()).isEqualTo(Plan.FREE);
        assertThat(Subscription.none("u").effectivePlan()).isEqualTo(Plan.FREE);
    }

    @Test
    void settings_shouldMapPricesToPlans() {
        BillingSettings settings = BillingSettings.from(Map.of("STRIPE_PRICE_INDIVIDUAL", "price_i", "STRIPE_PRICE_PRO", "price_p")::get);
        assertThat(settings.planOfPrice("price_i")).contains(Plan.INDIVIDUAL);
        assertThat(settings.planOfPrice("price_p")).contains(Plan.PRO);
        assertThat(settings.planOfPrice("price_x")).isEmpty();
        assertThat(settings.successUrl()).startsWith("http://localhost:8080");
    }
}
