package app.coherence.gcp.auth;

import app.coherence.core.account.SignInAccounts;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Identity;
import app.coherence.gcp.Deadlines;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseToken;
import com.google.firebase.internal.FirebaseProcessEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Firebase Auth ID tokens with firebase-admin (signature, expiry, audience = our project,
 * issuer). With the Auth emulator (FIREBASE_AUTH_EMULATOR_HOST) it accepts the emulator's unsigned
 * tokens of the same project, as firebase-admin does there. Also removes sign-ins when an account is closed.
 */
public class FirebaseIdentity implements Identity, SignInAccounts {
    public static final String AUTH_EMULATOR_HOST = "FIREBASE_AUTH_EMULATOR_HOST";
    private static final Logger log = LoggerFactory.getLogger(FirebaseIdentity.class);
    private static final String INVALID = "invalid or expired ID token";
    private static final Set<com.google.firebase.ErrorCode> TRANSIENT = EnumSet.of(
            com.google.firebase.ErrorCode.UNAVAILABLE, com.google.firebase.ErrorCode.DEADLINE_EXCEEDED,
            com.google.firebase.ErrorCode.INTERNAL, com.google.firebase.ErrorCode.UNKNOWN);

    private final FirebaseAuth auth;

    public FirebaseIdentity(FirebaseAuth auth) {
        this.auth = auth;
    }

    /** Real Firebase Auth of {@code projectId}, with Application Default Credentials. */
    public static FirebaseIdentity forProject(String projectId) {
        try {
            return new FirebaseIdentity(FirebaseAuth.getInstance(app(projectId, GoogleCredentials.getApplicationDefault())));
        } catch (IOException e) {
            throw new UncheckedIOException("no Application Default Credentials for Firebase Auth", e);
        }
    }

    /**
     * The Auth emulator at {@code hostPort} for {@code projectId}. firebase-admin only reads the emulator
     * host from the process environment, so this sets it for the whole JVM (as the variable would):
     * never use it in GCP.
     */
    public static FirebaseIdentity forEmulator(String hostPort, String projectId) {
        FirebaseProcessEnvironment.setenv(AUTH_EMULATOR_HOST, hostPort);
        // the emulator ignores credentials; a fixed token keeps firebase-admin from looking for real ones
        return new FirebaseIdentity(FirebaseAuth.getInstance(app(projectId, GoogleCredentials.create(new AccessToken("owner", null)))));
    }

    private static synchronized FirebaseApp app(String projectId, GoogleCredentials credentials) {
        String name = "coherence-identity-" + projectId;
        for (FirebaseApp existing : FirebaseApp.getApps()) {
            if (existing.getName().equals(name)) {
                return existing;
            }
        }
        FirebaseOptions options = FirebaseOptions.builder().setProjectId(projectId).setCredentials(credentials)
                .setConnectTimeout((int) Deadlines.AUTH.toMillis())
                .setReadTimeout((int) Deadlines.AUTH.toMillis())
                .build();
        return FirebaseApp.initializeApp(options, name);
    }

    @Override
    public AuthenticatedUser verify(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, INVALID);
        }
        try {
            // checkRevoked, as the emulator always does: a deleted, disabled or signed-out-everywhere
            // account's tokens stop at once instead of living out their hour
            FirebaseToken token = auth.verifyIdToken(idToken.strip(), true);
            return new AuthenticatedUser(token.getUid(), token.getEmail(), token.getName());
        } catch (FirebaseAuthException e) {
            if (e.getAuthErrorCode() == null && TRANSIENT.contains(e.getErrorCode())) {
                // the revocation lookup could not be made: Auth is down, not the token bad (no sign-out)
                log.warn("ID token could not be checked: {}", e.getMessage());
                throw new CoherenceException(ErrorCode.UNAVAILABLE, "sign-in could not be checked right now; try again",
                        Map.of(), e);
            }
            log.info("ID token rejected: {}", e.getMessage());
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, INVALID, Map.of(), e);
        } catch (IllegalArgumentException e) {
            log.info("ID token rejected: {}", e.getMessage());
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, INVALID, Map.of(), e);
        } catch (RuntimeException e) {
            // anything else (e.g. the key fetch failing) must still never let a request through
            log.warn("ID token could not be verified: {}", e.toString());
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, INVALID, Map.of(), e);
        }
    }

    @Override
    public void delete(String uid) {
        try {
            auth.deleteUser(uid);
        } catch (FirebaseAuthException e) {
            if (e.getAuthErrorCode() == AuthErrorCode.USER_NOT_FOUND) {
                return;
            }
            log.warn("could not remove a sign-in: {}", e.getMessage());
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "your sign-in could not be removed right now; try again",
                    Map.of(), e);
        }
    }
}
