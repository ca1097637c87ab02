package app.coherence.core.quota;

import app.coherence.core.user.Plan;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place the product's limits live: analyses per calendar month (UTC) for each plan, and the
 * uploads per UTC day every plan shares (the abuse guard). Defaults come from {@link Plan}; any
 * number can be overridden from configuration.
 */
public record PlanLimits(Map<Plan, Integer> analysesPerMonth, int uploadsPerDay) {

    public static final int DEFAULT_UPLOADS_PER_DAY = 10;

    public PlanLimits {
        EnumMap<Plan, Integer> complete = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            Integer limit = analysesPerMonth.get(plan);
            complete.put(plan, limit == null ? plan.analysesPerMonth() : limit);
            if (complete.get(plan) < 0) {
                throw new IllegalArgumentException("monthly limit of " + plan.wireName() + " must not be negative");
            }
        }
        if (uploadsPerDay < 0) {
            throw new IllegalArgumentException("uploadsPerDay must not be negative");
        }
        analysesPerMonth = Map.copyOf(complete);
    }

    /** Free 2, Individual 20, Pro 100 analyses a month; 10 uploads a day on every plan. */
    public static PlanLimits defaults() {
        return new PlanLimits(Map.of(), DEFAULT_UPLOADS_PER_DAY);
    }

    /**
     * Reads overrides through {@code setting} (e.g. the environment): QUOTA_FREE_PER_MONTH,
     * QUOTA_INDIVIDUAL_PER_MONTH, QUOTA_PRO_PER_MONTH, QUOTA_UPLOADS_PER_DAY; unset names keep the defaults.
     */
    public static PlanLimits from(Function<String, String> setting) {
        EnumMap<Plan, Integer> monthly = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            String name = "QUOTA_" + plan.name() + "_PER_MONTH";
            monthly.put(plan, number(setting, name, plan.analysesPerMonth()));
        }
        return new PlanLimits(monthly, number(setting, "QUOTA_UPLOADS_PER_DAY", DEFAULT_UPLOADS_PER_DAY));
    }

    public int monthly(Plan plan) {
        return analysesPerMonth.get(plan);
    }

    private static int number(Function<String, String> setting, String name, int fallback) {
        String value = setting.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
