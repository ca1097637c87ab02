package app.coherence.core.user;

import java.util.Optional;

/** Port: user account documents ({@code users/{uid}}). */
public interface UserStore {

    /**
     * Creates {@code users/{uid}} on the user's first use (email, displayName, plan free, createdAt);
     * an existing account is returned untouched. Safe under concurrent first requests.
     */
    UserAccount ensure(AuthenticatedUser user);

    Optional<UserAccount> find(String uid);

    Optional<UserAccount> findByStripeCustomerId(String customerId);

    Optional<UserAccount> findByEmail(String email);

    /** Remembers the user's Stripe customer (created once, reused for every checkout and the portal). */
    void setStripeCustomerId(String uid, String customerId);
}
