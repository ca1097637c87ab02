package app.coherence.gcp.function;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.job.TaskCallerCheck;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.auth.oauth2.TokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GCP task caller check: Cloud Tasks calls the analysis service with a Google-signed OIDC token
 * whose audience is the service URL and whose email is the queue's invoker service account. Cloud
 * Run's IAM already refuses other callers; this keeps the rule in the code too, so a
 * misconfigured binding (e.g. allUsers) cannot let anyone start analyses.
 */
public final class OidcTaskCallerCheck implements TaskCallerCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OidcTaskCallerCheck.class);
    static final String GOOGLE_ISSUER = "https://accounts.google.com";

    private final TokenVerifier verifier;
    private final String invokerEmail;

    /** Verifies against Google's published keys. */
    public OidcTaskCallerCheck(String audience, String invokerEmail) {
        this(TokenVerifier.newBuilder().setAudience(audience).setIssuer(GOOGLE_ISSUER).build(), invokerEmail);
    }

    /** With a verifier of one's own choosing (tests sign tokens with their own key). */
    OidcTaskCallerCheck(TokenVerifier verifier, String invokerEmail) {
        if (invokerEmail == null || invokerEmail.isBlank()) {
            throw new IllegalArgumentException("the task invoker service account email is required");
        }
        this.verifier = verifier;
        this.invokerEmail = invokerEmail;
    }

    @Override
    public void verify(HttpCall call) {
        String token = call.bearerToken().orElseThrow(() ->
                new CoherenceException(ErrorCode.UNAUTHENTICATED, "task calls need an OIDC token: Authorization: Bearer"));
        JsonWebSignature jws;
        try {
            jws = verifier.verify(token);
        } catch (TokenVerifier.VerificationException | RuntimeException e) {
            LOG.warn("task call with an invalid OIDC token: {}", e.getMessage());
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "the task OIDC token is not valid");
        }
        Object email = jws.getPayload().get("email");
        Object verified = jws.getPayload().get("email_verified");
        if (!invokerEmail.equals(email) || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            LOG.warn("task call by {} refused; only {} may call", email, invokerEmail);
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "the task OIDC token is not the task queue's");
        }
    }
}
