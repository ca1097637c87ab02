package app.coherence.core.quota;

import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import app.coherence.core.user.UserAccount;
import app.coherence.core.user.UserStore;
import java.time.Clock;
import java.time.Instant;

/** Answers "how much of my plan have I used?" for the signed-in user. */
public class UsageService {
    private final UserStore users;
    private final UsageStore usage;
    private final PlanLimits limits;
    private final Clock clock;

    public UsageService(UserStore users, UsageStore usage, PlanLimits limits, Clock clock) {
        this.users = users;
        this.usage = usage;
        this.limits = limits;
        this.clock = clock;
    }

    public UsageReport report(AuthenticatedUser user) {
        Instant now = clock.instant();
        Plan plan = users.find(user.uid()).map(UserAccount::plan).orElse(Plan.FREE);
        return UsageReport.of(plan, limits, usage.find(user.uid(), Usage.monthOf(now)), now);
    }
}
