package app.coherence.core.billing;

import app.coherence.core.user.Plan;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Billing configuration: the Stripe price of each paid plan and where Stripe sends the user back.
 * Read from STRIPE_PRICE_INDIVIDUAL, STRIPE_PRICE_PRO, BILLING_SUCCESS_URL, BILLING_CANCEL_URL,
 * BILLING_RETURN_URL (the last three default to APP_URL, itself http://localhost:8080).
 */
public record BillingSettings(Map<Plan, String> priceIds, String successUrl, String cancelUrl, String returnUrl) {

    public BillingSettings {
        priceIds = Map.copyOf(priceIds);
    }

    public static BillingSettings from(Function<String, String> setting) {
        Map<Plan, String> prices = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            String value = setting.apply("STRIPE_PRICE_" + plan.name());
            if (plan != Plan.FREE && value != null && !value.isBlank()) {
                prices.put(plan, value.strip());
            }
        }
        String app = orElse(setting.apply("APP_URL"), "http://localhost:8080");
        return new BillingSettings(prices,
                orElse(setting.apply("BILLING_SUCCESS_URL"), app + "/?billing=success"),
                orElse(setting.apply("BILLING_CANCEL_URL"), app + "/?billing=cancelled"),
                orElse(setting.apply("BILLING_RETURN_URL"), app + "/"));
    }

    public Optional<String> priceOf(Plan plan) {
        return Optional.ofNullable(priceIds.get(plan));
    }

    /** The plan a Stripe price id stands for, if it is one of ours. */
    public Optional<Plan> planOfPrice(String priceId) {
        return priceIds.entrySet().stream()
                .filter(e -> e.getValue().equals(priceId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
