package app.coherence.function.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.CachingIdentity;
import app.coherence.core.user.Identity;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.auth.FirebaseIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The api's token cache in front of the real Firebase verifier on the Auth emulator. */
class CachingIdentityTest {

    @Test
    void verify_shouldAskTheVerifierOncePerTokenAndNeverCacheRejections() {
        AuthEmulator auth = EmulatorFixture.auth();
        FirebaseIdentity firebase = FirebaseIdentity.forEmulator(auth.hostPort(), auth.projectId());
        AtomicInteger verifications = new AtomicInteger();
        Identity counted = token -> {
            verifications.incrementAndGet();
            return firebase.verify(token);
        };
        MovingClock clock = new MovingClock();
        CachingIdentity cached = new CachingIdentity(counted, clock, Duration.ofMinutes(1));
        AuthEmulator.SignedIn user = auth.signIn("cache-" + UUID.randomUUID() + "@example.com", "pass-word-1");

        AuthenticatedUser first = cached.verify(user.idToken());
        AuthenticatedUser second = cached.verify(user.idToken());
        assertThat(second).isEqualTo(first);
        assertThat(first.uid()).isEqualTo(user.uid());
        assertThat(verifications).hasValue(1);

        clock.now = clock.now.plusSeconds(61);
        cached.verify(user.idToken());
        assertThat(verifications).as("verified again after a minute").hasValue(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cached.verify("garbage.token.here")).isInstanceOf(CoherenceException.class);
        }
        assertThat(verifications).hasValue(4);
    }

    @Test
    void forget_shouldVerifyAClosedAccountsTokensAgain() {
        AtomicInteger verifications = new AtomicInteger();
        Identity counted = token -> {
            verifications.incrementAndGet();
            return new AuthenticatedUser(token.startsWith("ada") ? "uid-ada" : "uid-bob", null, null);
        };
        CachingIdentity cached = new CachingIdentity(counted, new MovingClock(), Duration.ofMinutes(1));
        cached.verify("ada.1");
        cached.verify("ada.2");
        cached.verify("bob.1");
        assertThat(verifications).hasValue(3);

        cached.forget("uid-ada");
        cached.verify("ada.1");
        cached.verify("ada.2");
        cached.verify("bob.1");
        assertThat(verifications).as("ada's two tokens verified again, bob's still remembered").hasValue(5);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
