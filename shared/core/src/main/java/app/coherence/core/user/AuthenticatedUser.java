package app.coherence.core.user;

/** The caller, as proven by a verified ID token. */
public record AuthenticatedUser(String uid, String email, String displayName) {
}
