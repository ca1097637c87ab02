package app.coherence.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackGuardTest {

    @Test
    void check_loopbackAddresses_areAllowed() {
        for (String address : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
            assertThatCode(() -> LoopbackGuard.check(address, false)).as(address).doesNotThrowAnyException();
        }
    }

    @Test
    void check_anyOtherAddress_isRefusedUnlessTheNetworkIsTrusted() {
        for (String address : new String[] {"0.0.0.0", "::", "192.168.1.20", "", null}) {
            assertThatThrownBy(() -> LoopbackGuard.check(address, false)).as(String.valueOf(address))
                    .hasMessageContaining("COHERENCE_TRUSTED_NETWORK=true");
            assertThatCode(() -> LoopbackGuard.check(address, true)).doesNotThrowAnyException();
        }
    }
}
