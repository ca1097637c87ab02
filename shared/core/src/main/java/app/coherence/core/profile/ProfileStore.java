package app.coherence.core.profile;

import app.coherence.core.user.AuthenticatedUser;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: the profile side of {@code users/{uid}} (display name and the {@code stats} field). The
 * account side (creation, email, plan) belongs to the accounts code; both merge into one document.
 */
public interface ProfileStore {

    Optional<StoredProfile> find(String uid);

    /** Sets the display name, creating the user document (free plan) if this is the user's first write. */
    StoredProfile setDisplayName(AuthenticatedUser user, String displayName);

    /**
     * Applies {@code change} to the user's stats once per {@code videoId}, atomically with a marker
     * that it was counted; returns false (and writes nothing) when that video was already counted.
     */
    boolean countAnalysis(String uid, String videoId, UnaryOperator<UserStats> change);
}
