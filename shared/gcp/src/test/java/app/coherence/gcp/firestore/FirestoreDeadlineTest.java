package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.gcp.Deadlines;
import app.coherence.gcp.SilentServer;
import com.google.cloud.firestore.Firestore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Firestore that accepts connections and never answers (a hung emulator or service), and one whose
 * port is closed (a killed emulator): every call ends UNAVAILABLE within the deadline, never hangs, and
 * first-use account creation is a 503, not a 500.
 */
class FirestoreDeadlineTest {
    private static final Duration BOUND = Deadlines.FIRESTORE.plusSeconds(3);

    private SilentServer silent;

    @BeforeEach
    void listenSilently() {
        silent = new SilentServer();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The failure and how long it took. */
    private record Outcome(Throwable failure, Duration took) {
    }

    private static CompletableFuture<Outcome> timed(Runnable call) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(call::run);
            return new Outcome(failure, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    @Test
    void everyCall_shouldEndUnavailableWithinTheDeadline_whenFirestoreHangsOrIsGone() throws Exception {
        Firestore hung = FirestoreClients.forEmulator("127.0.0.1:" + silent.port(), "demo-deadline");
        Firestore gone = FirestoreClients.forEmulator("127.0.0.1:" + closedPort(), "demo-deadline");
        AuthenticatedUser ada = new AuthenticatedUser("u-ada", "ada@example.com", "Ada");
        List<CompletableFuture<Outcome>> calls = List.of(
                timed(() -> new FirestoreVideoStore(hung).find("v1")),
                timed(() -> new FirestoreVideoStore(hung).update("v1", v -> v)),
                timed(() -> new FirestoreUserStore(hung, Clock.systemUTC()).ensure(ada)),
                timed(() -> new FirestoreVideoStore(gone).find("v1")),
                timed(() -> new FirestoreUserStore(gone, Clock.systemUTC()).ensure(ada)));
        for (CompletableFuture<Outcome> call : calls) {
            Outcome outcome = call.get();
            assertThat(outcome.failure()).isInstanceOf(CoherenceException.class);
            assertThat(((CoherenceException) outcome.failure()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(outcome.took()).isLessThan(BOUND);
        }
        hung.close();
        gone.close();
    }
}
