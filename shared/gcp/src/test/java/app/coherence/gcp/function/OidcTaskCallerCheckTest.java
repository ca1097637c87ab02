package app.coherence.gcp.function;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.google.auth.oauth2.TokenVerifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real RS256 tokens, signed with the test's own key and checked by google-auth-library's TokenVerifier. */
class OidcTaskCallerCheckTest {
    private static final String AUDIENCE = "https://analysis-123.europe-west1.run.app";
    private static final String INVOKER = "tasks-invoker@proj.iam.gserviceaccount.com";

    private final KeyPair key = rsa();
    private final KeyPair otherKey = rsa();
    private final OidcTaskCallerCheck check = new OidcTaskCallerCheck(TokenVerifier.newBuilder()
            .setAudience(AUDIENCE).setIssuer(OidcTaskCallerCheck.GOOGLE_ISSUER).setPublicKey(key.getPublic()).build(), INVOKER);

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(PrivateKey signer, String issuer, String audience, String email, boolean verified,
                                long expiresInSeconds) throws Exception {
        JsonWebSignature.Header header = new JsonWebSignature.Header().setAlgorithm("RS256").setType("JWT").setKeyId("k1");
        long now = System.currentTimeMillis() / 1000;
        JsonWebToken.Payload payload = new JsonWebToken.Payload()
                .setIssuer(issuer).setAudience(audience).setSubject("1234567890")
                .setIssuedAtTimeSeconds(now - 10).setExpirationTimeSeconds(now + expiresInSeconds);
        payload.set("email", email);
        payload.set("email_verified", verified);
        return JsonWebSignature.signUsingRsaSha256(signer, GsonFactory.getDefaultInstance(), header, payload);
    }

    private static HttpCall call(String authorization) {
        return new HttpCall("POST", "/tasks/analyze", Map.of(),
                authorization == null ? Map.of() : Map.of("authorization", List.of(authorization)), null);
    }

    private void assertRefused(HttpCall call) {
        assertThatThrownBy(() -> check.verify(call)).isInstanceOf(CoherenceException.class)
                .extracting(e -> ((CoherenceException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void verify_shouldAcceptTheQueuesToken() throws Exception {
        String good = token(key.getPrivate(), OidcTaskCallerCheck.GOOGLE_ISSUER, AUDIENCE, INVOKER, true, 300);
        assertThatCode(() -> check.verify(call("Bearer " + good))).doesNotThrowAnyException();
    }

    @Test
    void verify_shouldRefuseEveryOtherCaller() throws Exception {
        String iss = OidcTaskCallerCheck.GOOGLE_ISSUER;
        assertRefused(call(null));
        assertRefused(call("Bearer not.a.jwt"));
        assertRefused(call("Bearer " + token(otherKey.getPrivate(), iss, AUDIENCE, INVOKER, true, 300)));
        assertRefused(call("Bearer " + token(key.getPrivate(), iss, "https://elsewhere.run.app", INVOKER, true, 300)));
        assertRefused(call("Bearer " + token(key.getPrivate(), "https://evil.example", AUDIENCE, INVOKER, true, 300)));
        assertRefused(call("Bearer " + token(key.getPrivate(), iss, AUDIENCE, "someone@proj.iam.gserviceaccount.com", true, 300)));
        assertRefused(call("Bearer " + token(key.getPrivate(), iss, AUDIENCE, INVOKER, false, 300)));
        assertRefused(call("Bearer " + token(key.getPrivate(), iss, AUDIENCE, INVOKER, true, -600)));
    }
}
