package app.coherence.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.SignedUrl;
import app.coherence.core.user.AuthenticatedUser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closing an account removes files, then documents, then the sign-in; a failed file stops it before anything else. */
class AccountDeletionTest {
    private static final AuthenticatedUser ADA = new AuthenticatedUser("ada", "ada@example.com", "Ada");

    private final List<String> steps = new ArrayList<>();
    private final Set<String> files = new HashSet<>(Set.of("uploads/ada/v1", "thumbnails/ada/v1.jpg", "uploads/bob/v2"));
    private final Set<String> broken = new HashSet<>();

    private final AccountData data = new AccountData() {
        @Override
        public List<String> storedPaths(String uid) {
            return files.stream().filter(p -> p.contains("/" + uid + "/")).sorted().toList();
        }

        @Override
        public int eraseDocuments(String uid) {
            steps.add("documents " + uid);
            return 5;
        }
    };

    private final SignInAccounts signIns = uid -> steps.add("sign-in " + uid);

    private final BlobStore blobs = new BlobStore() {
        @Override
        public SignedUrl signUpload(String path, String contentType, long sizeBytes, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SignedUrl signDownload(String path, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> size(String path) {
            return files.contains(path) ? Optional.of(1L) : Optional.empty();
        }

        @Override
        public void download(String path, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String path, String contentType, byte[] content) {
            files.add(path);
        }

        @Override
        public void delete(String path) throws IOException {
            if (broken.contains(path)) {
                throw new IOException("disk says no");
            }
            steps.add("file " + path);
            files.remove(path);
        }
    };

    @Test
    void delete_shouldRemoveTheUsersFilesThenDocumentsThenSignInAndNobodyElses() {
        AccountErased erased = new AccountDeletion(data, blobs, signIns).delete(ADA);

        assertThat(erased).isEqualTo(new AccountErased(2, 5));
        assertThat(steps).containsExactly("file thumbnails/ada/v1.jpg", "file uploads/ada/v1", "documents ada", "sign-in ada");
        assertThat(files).containsExactly("uploads/bob/v2");
    }

    @Test
    void delete_shouldStopBeforeDocumentsWhenAFileCannotBeRemoved() {
        broken.add("uploads/ada/v1");

        assertThatThrownBy(() -> new AccountDeletion(data, blobs, signIns).delete(ADA))
                .isInstanceOfSatisfying(CoherenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(steps).containsExactly("file thumbnails/ada/v1.jpg");
        assertThat(files).contains("uploads/ada/v1");

        broken.clear();
        assertThat(new AccountDeletion(data, blobs, signIns).delete(ADA).files()).as("a second try finishes the job").isEqualTo(1);
        assertThat(steps).endsWith("documents ada", "sign-in ada");
    }
}
