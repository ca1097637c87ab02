package app.coherence.core.profile;

/** Port: notices shown to users (the web client lists {@code notifications} where userId is theirs). */
public interface Notifications {

    /** Stores the notice; storing one with an existing id again changes nothing and returns false. */
    boolean add(FailureNotice notice);
}
