package app.coherence.core.http;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Identity;
import java.util.function.Consumer;

/**
 * Turns a request's bearer ID token into the signed-in user through the {@link Identity} port, and
 * tells an optional listener about every user it lets in (accounts: create users/{uid} on first use).
 */
public final class Authenticator {
    private final Identity identity;
    private final Consumer<AuthenticatedUser> onSignedIn;

    public Authenticator(Identity identity) {
        this(identity, user -> { });
    }

    /** {@code onSignedIn} runs after a token verified, before the request is handled (e.g. {@code FirstUse::accept}). */
    public Authenticator(Identity identity, Consumer<AuthenticatedUser> onSignedIn) {
        this.identity = identity;
        this.onSignedIn = onSignedIn;
    }

    /**
     * The caller of {@code call}.
     *
     * @throws CoherenceException UNAUTHENTICATED for a missing, forged or expired token
     */
    public AuthenticatedUser authenticate(HttpCall call) {
        String token = call.bearerToken().orElseThrow(() ->
                new CoherenceException(ErrorCode.UNAUTHENTICATED, "missing Authorization: Bearer ID token"));
        AuthenticatedUser user = identity.verify(token);
        onSignedIn.accept(user);
        return user;
    }
}
