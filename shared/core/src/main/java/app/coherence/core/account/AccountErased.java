package app.coherence.core.account;

/** What closing an account removed: stored files and documents. */
public record AccountErased(int files, int documents) {
}
