package app.coherence.embedded.task;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.job.TaskCallerCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-machine task caller check: the in-process dispatcher sends a secret only it and the task
 * target know in the {@value #HEADER} header; compared in constant time so timing reveals nothing.
 */
public final class SharedSecretTaskCallerCheck implements TaskCallerCheck {
    /** The header the dispatcher puts the secret in. */
    public static final String HEADER = "X-Coherence-Task-Secret";

    private final byte[] secret;

    public SharedSecretTaskCallerCheck(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the task secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh random secret (32 bytes, URL-safe Base64) for one run of the local system. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret to send in {@link #HEADER}. */
    public String secret() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    @Override
    public void verify(HttpCall call) {
        byte[] presented = call.header(HEADER).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (presented == null) {
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "task calls need the " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(secret, presented)) {
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "task secret does not match");
        }
    }
}
