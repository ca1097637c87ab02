package app.coherence.core.profile;

import app.coherence.core.user.Plan;
import java.time.Instant;

/** What {@code users/{uid}} holds that the profile shows; plan defaults to free, stats to empty. */
public record StoredProfile(String uid, String email, String displayName, Plan plan, Instant createdAt, UserStats stats) {

    public StoredProfile {
        plan = plan == null ? Plan.FREE : plan;
        stats = stats == null ? UserStats.empty() : stats;
    }
}
