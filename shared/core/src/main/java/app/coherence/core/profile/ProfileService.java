package app.coherence.core.profile;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;

/** GET and PATCH /v1/me: the caller's profile with stats kept up to date by the notifier. */
public class ProfileService {
    public static final int MAX_DISPLAY_NAME_LENGTH = 80;
    static final int TOP = 5;

    private final ProfileStore store;

    public ProfileService(ProfileStore store) {
        this.store = store;
    }

    /** The caller's profile; a user without a document yet is shown on the free plan with no stats. */
    public Profile get(AuthenticatedUser user) {
        StoredProfile stored = store.find(user.uid())
                .orElseGet(() -> new StoredProfile(user.uid(), user.email(), user.displayName(), Plan.FREE, null, null));
        return view(stored, user);
    }

    public Profile rename(AuthenticatedUser user, String displayName) {
        return view(store.setDisplayName(user, validDisplayName(displayName)), user);
    }

    static String validDisplayName(String value) {
        if (value == null) {
            throw CoherenceException.invalid("displayName is required");
        }
        String clean = value.strip();
        if (clean.isEmpty()) {
            throw CoherenceException.invalid("displayName must not be blank");
        }
        if (clean.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw CoherenceException.invalid("displayName must be at most " + MAX_DISPLAY_NAME_LENGTH
                    + " characters, was " + clean.length());
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw CoherenceException.invalid("displayName must not contain control characters");
        }
        return clean;
    }

    private static Profile view(StoredProfile p, AuthenticatedUser user) {
        UserStats s = p.stats();
        Profile.Stats stats = new Profile.Stats(s.analyses(), s.averageScore(), s.bestScore(), s.lastScore(),
                s.lastAnalysedAt(), s.recentScores(),
                TopCounts.top(s.fillerWords(), TOP).stream().map(e -> new Profile.WordCount(e.getKey(), e.getValue())).toList(),
                TopCounts.top(s.flagTypes(), TOP).stream().map(e -> new Profile.FlagCount(e.getKey(), e.getValue())).toList());
        String email = p.email() != null ? p.email() : user.email();
        String name = p.displayName() != null ? p.displayName() : user.displayName();
        return new Profile(p.uid(), email, name, p.plan(), p.createdAt(), stats);
    }
}
