package app.coherence.core.user;

/** Port: verifies ID tokens (Firebase Auth). */
public interface Identity {

    /**
     * Returns the user a token proves.
     *
     * @throws app.coherence.core.error.CoherenceException UNAUTHENTICATED for a missing, forged or expired token
     */
    AuthenticatedUser verify(String idToken);
}
