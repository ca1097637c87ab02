package app.coherence.local;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses to serve beyond this machine unless told the network is trusted: the local system verifies
 * ID tokens with the Auth emulator, which accepts unsigned tokens for any user, so anyone who can reach
 * the port can act as anyone.
 */
final class LoopbackGuard {

    private LoopbackGuard() {
    }

    /** Throws with one readable sentence when {@code bindAddress} reaches beyond loopback and the network is not trusted. */
    static void check(String bindAddress, boolean trustedNetwork) {
        if (trustedNetwork || isLoopback(bindAddress)) {
            return;
        }
        throw new IllegalStateException("refusing to listen on " + bindAddress + ": the Auth emulator accepts unsigned"
                + " tokens for any user, so only 127.0.0.1 is safe; set COHERENCE_TRUSTED_NETWORK=true if every"
                + " machine that can reach this address may act as any user");
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false; // Tomcat listens on every interface when no address is set
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
