package app.coherence.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.embedded.emulator.EmulatorProcess;
import app.coherence.local.web.Readiness;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with a real child process standing in for an emulator ({@code sleep}), whose readiness
 * the test answers: a child that dies is started again (a new process), and health reports it down from
 * its death until the new one answers.
 */
class EmulatorSupervisorTest {
    @TempDir
    Path dir;

    private HttpServer readinessServer;
    /** Whether the stand-in answers its readiness probe 200 (else 503: still starting). */
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();

    /** {@code sleep} as the child process; ready when the test's HTTP server says so. */
    private final class Sleeper extends EmulatorProcess {
        Sleeper(int port) {
            super("sleeper", port, dir.resolve("sleeper.log"));
        }

        @Override
        protected List<String> command() {
            return List.of("sleep", "300");
        }

        @Override
        protected URI readinessUrl() {
            return URI.create("http://127.0.0.1:" + readinessServer.getAddress().getPort() + "/");
        }
    }

    @BeforeEach
    void serveReadiness() throws Exception {
        readinessServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        readinessServer.createContext("/", exchange -> {
            probes.incrementAndGet();
            exchange.sendResponseHeaders(answering.get() ? 200 : 503, -1);
            exchange.close();
        });
        readinessServer.start();
    }

    @AfterEach
    void stopServer() {
        readinessServer.stop(0);
    }

    @Test
    void deadChild_isStartedAgain_andHealthSaysDownMeanwhile() throws Exception {
        Duration startTimeout = Duration.ofSeconds(20);
        AtomicInteger afterRestart = new AtomicInteger();
        try (Sleeper sleeper = new Sleeper(freePort())) {
            sleeper.start(startTimeout);
            Readiness readiness = new Readiness().add("emulator:sleeper", sleeper::isRunning);
            ProcessHandle first = sleeper.processTree().get(0);
            assertThat(readiness.check()).containsEntry("emulator:sleeper", true);

            try (EmulatorSupervisor supervisor = new EmulatorSupervisor(
                    timeout -> sleeper.restartIfDead(timeout) ? List.of(sleeper.name()) : List.of(), startTimeout,
                    afterRestart::incrementAndGet)) {
                answering.set(false); // the new child will take its time to answer
                int probesBefore = probes.get();
                first.destroyForcibly();
                first.onExit().get(10, TimeUnit.SECONDS);

                assertThat(readiness.check()).as("down as soon as its process is gone").containsEntry("emulator:sleeper", false);
                // the supervisor noticed and started a new child, which is being probed: still down
                assertThat(await(() -> probes.get() > probesBefore, EmulatorSupervisor.CHECK_EVERY.multipliedBy(3)))
                        .as("a restart under way within a few checks").isTrue();
                assertThat(readiness.check()).as("down while the new child does not answer").containsEntry("emulator:sleeper", false);
                assertThat(afterRestart.get()).isZero();

                answering.set(true);
                assertThat(await(sleeper::isRunning, Duration.ofSeconds(10))).as("back once the new child answers").isTrue();
                assertThat(readiness.check()).containsEntry("emulator:sleeper", true);
                ProcessHandle second = sleeper.processTree().get(0);
                assertThat(second.pid()).isNotEqualTo(first.pid());
                assertThat(second.isAlive()).isTrue();
                assertThat(await(() -> afterRestart.get() == 1, Duration.ofSeconds(5))).as("the after-restart step ran once").isTrue();
            }
        }
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
