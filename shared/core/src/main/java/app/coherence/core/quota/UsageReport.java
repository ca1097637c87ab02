package app.coherence.core.quota;

import app.coherence.core.user.Plan;
import java.time.Instant;

/** GET /v1/usage: the caller's plan, its limits, what is used and left, and when each window resets. */
public record UsageReport(Plan plan, Counts limits, Counts used, Counts remaining, Resets resetsAt) {

    /** Analyses this month and uploads today. */
    public record Counts(int analysesThisMonth, int uploadsToday) {
    }

    /** When the monthly allowance and the daily upload guard start again (UTC). */
    public record Resets(Instant month, Instant day) {
    }

    public static UsageReport of(Plan plan, PlanLimits limits, Usage usage, Instant now) {
        int monthly = limits.monthly(plan);
        int today = usage.uploadsOn(Usage.dayOf(now));
        int monthLeft = Math.max(0, monthly - usage.analyses());
        int dayLeft = Math.max(0, limits.uploadsPerDay() - today);
        return new UsageReport(plan,
                new Counts(monthly, limits.uploadsPerDay()),
                new Counts(usage.analyses(), today),
                // What can still be uploaded today is bounded by the month's allowance too.
                new Counts(monthLeft, Math.min(dayLeft, monthLeft)),
                new Resets(QuotaPolicy.monthResetsAt(now), QuotaPolicy.dayResetsAt(now)));
    }
}
