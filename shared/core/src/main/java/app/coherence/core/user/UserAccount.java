package app.coherence.core.user;

import java.time.Instant;

/** A user's account document ({@code users/{uid}}), the parts accounts and billing care about. */
public record UserAccount(String uid, String email, String displayName, Plan plan, String stripeCustomerId,
                          Instant createdAt) {

    public UserAccount {
        plan = plan == null ? Plan.FREE : plan;
    }

    /** A new account on the free plan. */
    public static UserAccount newUser(AuthenticatedUser user, Instant now) {
        return new UserAccount(user.uid(), user.email(), user.displayName(), Plan.FREE, null, now);
    }
}
