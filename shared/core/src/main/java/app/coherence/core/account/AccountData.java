package app.coherence.core.account;

import java.util.List;

/** Port: everything stored about one user, found by their uid, for closing the account. */
public interface AccountData {

    /** Paths of every stored object of the user's videos (uploads and thumbnails), deleted videos included. */
    List<String> storedPaths(String uid);

    /**
     * Removes every document that belongs to the user: videos, analyses, usage, notifications, the
     * subscription and the user document with what hangs under it. Returns how many were removed.
     */
    int eraseDocuments(String uid);
}
