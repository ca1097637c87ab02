package app.coherence.core.quota;

import app.coherence.core.user.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Decides whether one more upload may be reserved, from the plan, what was used and the time. Pure. */
public class QuotaPolicy {
    private final PlanLimits limits;

    public QuotaPolicy(PlanLimits limits) {
        this.limits = limits;
    }

    public PlanLimits limits() {
        return limits;
    }

    /**
     * Allowed when both the month's analyses and today's uploads are under their limits; otherwise
     * the month's limit is reported first, because waiting for tomorrow would not help.
     * {@code usage} must be the usage of the month {@code now} falls in.
     */
    public QuotaDecision check(Plan plan, Usage usage, Instant now) {
        int monthly = limits.monthly(plan);
        if (usage.analyses() >= monthly) {
            return new QuotaDecision(false, QuotaDecision.Window.MONTH, monthly, usage.analyses(), monthResetsAt(now));
        }
        LocalDate today = Usage.dayOf(now);
        int uploadsToday = usage.uploadsOn(today);
        if (uploadsToday >= limits.uploadsPerDay()) {
            return new QuotaDecision(false, QuotaDecision.Window.DAY, limits.uploadsPerDay(), uploadsToday, dayResetsAt(now));
        }
        return new QuotaDecision(true, QuotaDecision.Window.MONTH, monthly, usage.analyses(), monthResetsAt(now));
    }

    /** Start of the next calendar month, UTC. */
    public static Instant monthResetsAt(Instant now) {
        return Usage.monthOf(now).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Start of the next UTC day. */
    public static Instant dayResetsAt(Instant now) {
        return Usage.dayOf(now).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
