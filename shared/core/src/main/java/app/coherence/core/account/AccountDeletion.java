package app.coherence.core.account;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.user.AuthenticatedUser;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Delete my account": the user's stored files first, then their documents, then their sign-in. The
 * order makes a failed attempt safe to repeat: nothing that points at a file is gone before the
 * file, and the user can still sign in to try again until everything else is removed.
 */
public class AccountDeletion {
    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountData data;
    private final BlobStore blobs;
    private final SignInAccounts signIns;

    public AccountDeletion(AccountData data, BlobStore blobs, SignInAccounts signIns) {
        this.data = data;
        this.blobs = blobs;
        this.signIns = signIns;
    }

    /** Removes everything of {@code user}; UNAVAILABLE (retry) if a stored file could not be removed. */
    public AccountErased delete(AuthenticatedUser user) {
        List<String> paths = data.storedPaths(user.uid());
        for (String path : paths) {
            try {
                blobs.delete(path);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove a stored file of a closing account: {}", e.getMessage());
                throw new CoherenceException(ErrorCode.UNAVAILABLE,
                        "your stored videos could not all be removed right now; nothing else was deleted, try again");
            }
        }
        int documents = data.eraseDocuments(user.uid());
        signIns.delete(user.uid());
        LOG.info("account closed: {} stored files and {} documents removed", paths.size(), documents);
        return new AccountErased(paths.size(), documents);
    }
}
