package app.coherence.gcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.json.Json;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirebaseIdentityTest {
    private static AuthEmulator emulator;
    private static FirebaseIdentity identity;

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.auth();
        identity = FirebaseIdentity.forEmulator(emulator.hostPort(), emulator.projectId());
    }

    private static void assertRejected(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(CoherenceException.class)
                .hasMessage("invalid or expired ID token")
                .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    /** The emulator's token with claims changed (the emulator does not sign, so neither do we). */
    private static String withClaim(String token, String claim, Object value) {
        String[] parts = token.split("\\.", -1);
        ObjectNode payload = (ObjectNode) Json.tree(Base64.getUrlDecoder().decode(parts[1]));
        payload.putPOJO(claim, value);
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    @Test
    void emulatorToken_shouldProveItsUser() {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        AuthEmulator.SignedIn signedIn = emulator.signIn(email, "s3cret-pass");

        AuthenticatedUser user = identity.verify(signedIn.idToken());

        assertThat(user.uid()).isEqualTo(signedIn.uid());
        assertThat(user.email()).isEqualTo(email);
    }

    @Test
    void closedAccount_shouldHaveItsTokensRefusedAtOnce() {
        AuthEmulator.SignedIn signedIn = emulator.signIn("closing-" + UUID.randomUUID() + "@example.com", "s3cret-pass");
        assertThat(identity.verify(signedIn.idToken()).uid()).isEqualTo(signedIn.uid());

        identity.delete(signedIn.uid());

        assertRejected(() -> identity.verify(signedIn.idToken()));
        identity.delete(signedIn.uid()); // already gone: not an error
    }

    @Test
    void garbage_shouldBeRejected() {
        assertRejected(() -> identity.verify("not-a-token"));
        assertRejected(() -> identity.verify("a.b.c"));
        assertRejected(() -> identity.verify(""));
        assertRejected(() -> identity.verify(null));
    }

    @Test
    void tokenOfAnotherProject_shouldBeRejected() {
        String token = emulator.signIn("other-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();
        FirebaseIdentity otherProject = FirebaseIdentity.forEmulator(emulator.hostPort(), "demo-someone-else");

        assertRejected(() -> otherProject.verify(token));
    }

    @Test
    void expiredToken_shouldBeRejected() {
        String token = emulator.signIn("old-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();
        long past = System.currentTimeMillis() / 1000 - 7200;

        assertRejected(() -> identity.verify(withClaim(withClaim(token, "iat", past - 3600), "exp", past)));
    }

    @Test
    void forgedAudienceOrIssuer_shouldBeRejected() {
        String token = emulator.signIn("forger-" + UUID.randomUUID() + "@example.com", "s3cret-pass").idToken();

        assertRejected(() -> identity.verify(withClaim(token, "aud", "demo-someone-else")));
        assertRejected(() -> identity.verify(withClaim(token, "iss", "https://evil.example.com/demo-coherence")));
    }
}
