package app.coherence.embedded.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.embedded.MutableClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalTaskDispatcherTest {
    private static final String SECRET = "task-secret";
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(1000), 3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private LocalTaskDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void enqueue_shouldPostTheVideoIdWithTheSecretHeader() throws Exception {
        startServer(0, () -> 204);
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));

        assertThat(dispatcher.enqueueAnalysis("video1")).isTrue();

        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(received).hasSize(1);
        Received call = received.get(0);
        assertThat(call.method).isEqualTo("POST");
        assertThat(call.path).isEqualTo("/tasks/analyze");
        assertThat(call.body).isEqualTo("{\"videoId\":\"video1\"}");
        assertThat(call.secret).isEqualTo(SECRET);
        assertThat(call.taskName).isEqualTo("video1");
        assertThat(call.retryCount).isEqualTo("0");
        assertThat(dispatcher.attempts("video1")).isEqualTo(1);
    }

    @Test
    void enqueue_whenTargetFailsTwice_shouldRetryWithBackoffAndSucceed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        startServer(0, () -> calls.incrementAndGet() <= 2 ? (calls.get() == 1 ? 500 : 429) : 200);
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));

        dispatcher.enqueueAnalysis("video1");

        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> r.retryCount).containsExactly("0", "1", "2");
        long firstGap = received.get(1).atNanos - received.get(0).atNanos;
        long secondGap = received.get(2).atNanos - received.get(1).atNanos;
        assertThat(firstGap).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(secondGap).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void enqueue_whenTargetAlwaysFails_shouldGiveUpAfterMaxAttempts() throws Exception {
        startServer(0, () -> 503);
        dispatcher = start(DispatcherSettings.defaults()
                .withRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), 1)));

        dispatcher.enqueueAnalysis("video1");

        awaitState("video1", TaskState.GAVE_UP);
        Thread.sleep(200);
        assertThat(received).hasSize(3);
        assertThat(dispatcher.attempts("video1")).isEqualTo(3);
    }

    @Test
    void enqueue_whenNothingListensYet_shouldRetryUntilTheServerIsUp() throws Exception {
        int port = freePort();
        dispatcher = new LocalTaskDispatcher(DispatcherSettings.defaults()
                .withRetry(new RetryPolicy(-1, Duration.ofMillis(50), Duration.ofMillis(100), 1)),
                () -> URI.create("http://127.0.0.1:" + port + "/tasks/analyze"), SECRET, clock);
        dispatcher.start();

        dispatcher.enqueueAnalysis("video1");
        await(() -> dispatcher.attempts("video1") >= 2);
        assertThat(received).isEmpty();
        startServer(port, () -> 200);

        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(received).hasSize(1);
    }

    @Test
    void enqueueAgain_afterTheFirstTaskFinished_shouldDeliverTheSameVideoUnderANewNameOnce() throws Exception {
        startServer(0, () -> 204);
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));
        java.time.Instant leftAt = java.time.Instant.parse("2026-11-24T10:00:00Z");
        assertThat(dispatcher.enqueueAnalysis("video1")).isTrue();
        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(dispatcher.enqueueAnalysis("video1")).as("the first name, just used").isFalse();

        assertThat(dispatcher.enqueueAnalysisAgain("video1", leftAt)).isTrue();
        String again = app.coherence.core.upload.TaskQueue.againName("video1", leftAt);
        awaitState(again, TaskState.SUCCEEDED);
        assertThat(dispatcher.enqueueAnalysisAgain("video1", leftAt)).as("the same state found again").isFalse();

        assertThat(received).hasSize(2);
        assertThat(received.get(1).body).isEqualTo("{\"videoId\":\"video1\"}");
        assertThat(received.get(1).taskName).isEqualTo(again);
    }

    @Test
    void enqueue_sameNameWhilePendingOrRecentlyDone_shouldReturnFalse() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startServer(0, () -> {
            awaitQuietly(release);
            return 200;
        });
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));

        assertThat(dispatcher.enqueueAnalysis("video1")).isTrue();
        await(() -> dispatcher.state("video1").orElseThrow() == TaskState.RUNNING);
        assertThat(dispatcher.enqueueAnalysis("video1")).as("running").isFalse();
        release.countDown();
        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(dispatcher.enqueueAnalysis("video1")).as("finished just now").isFalse();
        clock.advance(Duration.ofMinutes(59));
        assertThat(dispatcher.enqueueAnalysis("video1")).as("finished 59 min ago").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.enqueueAnalysis("video1")).as("finished 61 min ago").isTrue();
        awaitState("video1", TaskState.SUCCEEDED);
        assertThat(received).hasSize(2);
    }

    @Test
    void enqueue_beforeStart_shouldHoldTasksUntilStarted() throws Exception {
        startServer(0, () -> 200);
        dispatcher = new LocalTaskDispatcher(DispatcherSettings.defaults(), this::target, SECRET, clock);

        assertThat(dispatcher.enqueueAnalysis("early")).isTrue();
        assertThat(dispatcher.enqueueAnalysis("early")).isFalse();
        Thread.sleep(200);
        assertThat(received).isEmpty();
        assertThat(dispatcher.isReady()).isFalse();

        dispatcher.start();
        assertThat(dispatcher.isReady()).isTrue();
        awaitState("early", TaskState.SUCCEEDED);
    }

    @Test
    void deliveries_shouldNeverExceedTheConcurrency() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        startServer(0, () -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleepQuietly(150);
            running.decrementAndGet();
            return 200;
        });
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));

        for (int i = 0; i < 4; i++) {
            dispatcher.enqueueAnalysis("one-at-a-time-" + i);
        }
        for (int i = 0; i < 4; i++) {
            awaitState("one-at-a-time-" + i, TaskState.SUCCEEDED);
        }
        assertThat(peak.get()).isEqualTo(1);

        dispatcher.close();
        peak.set(0);
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST).withConcurrency(2));
        for (int i = 0; i < 4; i++) {
            dispatcher.enqueueAnalysis("two-at-a-time-" + i);
        }
        for (int i = 0; i < 4; i++) {
            awaitState("two-at-a-time-" + i, TaskState.SUCCEEDED);
        }
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void close_shouldInterruptDeliveriesDropPendingTasksAndRefuseNewOnes() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        startServer(0, () -> {
            awaitQuietly(never);
            return 200;
        });
        dispatcher = start(DispatcherSettings.defaults().withRetry(FAST));
        dispatcher.enqueueAnalysis("inFlight");
        dispatcher.enqueueAnalysis("waiting");
        await(() -> received.size() == 1);

        long started = System.nanoTime();
        dispatcher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(dispatcher.isReady()).isFalse();
        assertThat(dispatcher.state("inFlight")).contains(TaskState.DROPPED);
        assertThat(dispatcher.state("waiting")).contains(TaskState.DROPPED);
        assertThatThrownBy(() -> dispatcher.enqueueAnalysis("late")).isInstanceOf(CoherenceException.class);
        never.countDown();
        assertThat(received).extracting(r -> r.taskName).containsExactly("inFlight");
    }

    private LocalTaskDispatcher start(DispatcherSettings settings) {
        LocalTaskDispatcher started = new LocalTaskDispatcher(settings, this::target, SECRET, clock);
        started.start();
        return started;
    }

    private URI target() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tasks/analyze");
    }

    private void startServer(int port, IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/tasks/analyze", exchange -> answer(exchange, status));
        server.start();
    }

    private void answer(HttpExchange exchange, IntSupplier status) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst(LocalTaskDispatcher.SECRET_HEADER),
                    exchange.getRequestHeaders().getFirst("X-CloudTasks-TaskName"),
                    exchange.getRequestHeaders().getFirst("X-CloudTasks-TaskRetryCount"), System.nanoTime()));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
        }
    }

    private void awaitState(String name, TaskState state) throws InterruptedException {
        await(() -> dispatcher.state(name).orElse(null) == state);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Received(String method, String path, String body, String secret, String taskName,
                            String retryCount, long atNanos) {
    }
}
