package app.coherence.core.account;

/** Port: the sign-in accounts (Firebase Auth users). */
public interface SignInAccounts {

    /** Removes the user's sign-in; removing one that is already gone is not an error. */
    void delete(String uid);
}
