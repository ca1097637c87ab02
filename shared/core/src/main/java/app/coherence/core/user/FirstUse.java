package app.coherence.core.user;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure every signed-in user has an account document, asking the store only once per uid and
 * process (the store's ensure is idempotent, this only saves a read per request).
 */
public class FirstUse {
    private static final int MAX_REMEMBERED = 100_000;

    private final UserStore users;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public FirstUse(UserStore users) {
        this.users = users;
    }

    public void accept(AuthenticatedUser user) {
        if (known.contains(user.uid())) {
            return;
        }
        users.ensure(user);
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        known.add(user.uid());
    }
}
