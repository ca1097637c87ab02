package app.coherence.embedded.task;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.upload.TaskQueue;
import app.coherence.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one-machine {@link TaskQueue}: delivers each analysis task by HTTP POST to the analysis
 * endpoint, with Cloud Tasks' semantics: the task is named after the video (a name pending,
 * running or finished within the reuse window is refused), any non-2xx answer or connection
 * failure is retried with the {@link RetryPolicy}'s backoff, and at most {@code concurrency}
 * deliveries run at once. Tasks live in memory: after a restart, unfinished videos are re-enqueued
 * by the local server (VideoStore.findUnfinished).
 */
public final class LocalTaskDispatcher implements TaskQueue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTaskDispatcher.class);

    /** The header carrying the shared secret the analysis endpoint checks. */
    public static final String SECRET_HEADER = SharedSecretTaskCallerCheck.HEADER;
    /** Queue name reported in the X-CloudTasks-QueueName header, as Cloud Tasks does. */
    public static final String QUEUE_NAME = "analysis";

    private final DispatcherSettings settings;
    private final Supplier<URI> target;
    private final String secret;
    private final Clock clock;
    private final HttpClient http;
    private final DelayQueue<Delivery> due = new DelayQueue<>();
    private final Map<String, Task> tasks = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean stopped;

    /**
     * @param target the analysis endpoint, e.g. {@code http://127.0.0.1:8080/tasks/analyze}; asked at
     *               each delivery because the port may only be known once the server is up
     * @param secret sent in {@link #SECRET_HEADER} with every delivery
     */
    public LocalTaskDispatcher(DispatcherSettings settings, Supplier<URI> target, String secret, Clock clock) {
        this.settings = settings;
        this.target = target;
        this.secret = secret;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Starts delivering; tasks enqueued before are held until now. */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("a stopped dispatcher cannot start again");
        }
        started = true;
        for (int i = 1; i <= settings.concurrency(); i++) {
            Thread worker = new Thread(this::work, "task-dispatcher-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        LOG.info("task dispatcher started ({} at a time, up to {} attempts)", settings.concurrency(),
                settings.retry().maxAttempts() == -1 ? "unlimited" : settings.retry().maxAttempts());
    }

    /** True while the dispatcher is started and not stopped. */
    public boolean isReady() {
        return started && !stopped;
    }

    @Override
    public boolean enqueueAnalysis(String videoId) {
        return enqueue(videoId, videoId);
    }

    @Override
    public boolean enqueueAnalysisAgain(String videoId, Instant leftAt) {
        return enqueue(TaskQueue.againName(videoId, leftAt), videoId);
    }

    private boolean enqueue(String name, String videoId) {
        if (videoId == null || videoId.isBlank()) {
            throw new IllegalArgumentException("a task needs a video id");
        }
        if (stopped) {
            throw new CoherenceException(ErrorCode.UNAVAILABLE, "the task dispatcher is stopped");
        }
        Instant now = clock.instant();
        synchronized (tasks) {
            forgetOldTasks(now);
            Task existing = tasks.get(name);
            if (existing != null && (existing.state.isActive() || existing.finishedAt.isAfter(now.minus(settings.nameReuseWindow())))) {
                return false;
            }
            Task task = new Task(name, videoId);
            tasks.put(name, task);
            due.add(new Delivery(task, System.nanoTime()));
        }
        try (var ignored = MDC.putCloseable("videoId", videoId)) {
            LOG.info("analysis task {} enqueued", name);
        }
        return true;
    }

    /** The state of the named task, if the dispatcher still remembers it. */
    public Optional<TaskState> state(String name) {
        synchronized (tasks) {
            return Optional.ofNullable(tasks.get(name)).map(t -> t.state);
        }
    }

    /** How many deliveries of the named task were attempted (0 if unknown). */
    public int attempts(String name) {
        synchronized (tasks) {
            Task task = tasks.get(name);
            return task == null ? 0 : task.attempts;
        }
    }

    /** Stops delivering: interrupts deliveries in flight and drops the tasks not yet delivered. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int dropped = 0;
        synchronized (tasks) {
            for (Task task : tasks.values()) {
                if (task.state.isActive()) {
                    task.state = TaskState.DROPPED;
                    task.finishedAt = clock.instant();
                    dropped++;
                }
            }
        }
        due.clear();
        LOG.info("task dispatcher stopped; {} unfinished task(s) dropped (re-dispatched at the next start)", dropped);
    }

    private void work() {
        while (!stopped) {
            Delivery delivery;
            try {
                delivery = due.take();
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            deliver(delivery.task);
        }
    }

    private void deliver(Task task) {
        int attempt;
        synchronized (tasks) {
            task.state = TaskState.RUNNING;
            attempt = ++task.attempts;
        }
        try (var ignored = MDC.putCloseable("videoId", task.videoId)) {
            String failure = post(task, attempt);
            if (failure == null) {
                finish(task, TaskState.SUCCEEDED);
                LOG.info("analysis task delivered (attempt {})", attempt);
                return;
            }
            if (stopped) {
                return;
            }
            if (settings.retry().allowsAnotherAfter(attempt)) {
                Duration backoff = settings.retry().backoffAfter(attempt);
                synchronized (tasks) {
                    task.state = TaskState.PENDING;
                }
                due.add(new Delivery(task, System.nanoTime() + backoff.toNanos()));
                LOG.warn("analysis task attempt {} failed ({}); retrying in {} ms", attempt, failure, backoff.toMillis());
            } else {
                finish(task, TaskState.GAVE_UP);
                LOG.error("analysis task gave up after {} attempts; last failure: {}", attempt, failure);
            }
        }
    }

    /** One delivery; returns null on a 2xx answer, else why it failed. */
    private String post(Task task, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(target.get())
                .timeout(settings.attemptTimeout())
                .header("Content-Type", "application/json")
                .header(SECRET_HEADER, secret)
                .header("X-CloudTasks-QueueName", QUEUE_NAME)
                .header("X-CloudTasks-TaskName", task.name)
                .header("X-CloudTasks-TaskRetryCount", Integer.toString(attempt - 1))
                .header("X-CloudTasks-TaskExecutionCount", Integer.toString(attempt - 1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(Map.of("videoId", task.videoId))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status + " " + abbreviate(response.body());
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void finish(Task task, TaskState state) {
        synchronized (tasks) {
            task.state = state;
            task.finishedAt = clock.instant();
        }
    }

    private void forgetOldTasks(Instant now) {
        Instant horizon = now.minus(settings.nameReuseWindow());
        tasks.values().removeIf(t -> !t.state.isActive() && t.finishedAt.isBefore(horizon));
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    /** A named task and its delivery history; guarded by the {@code tasks} map's lock. */
    private static final class Task {
        final String name;
        final String videoId;
        TaskState state = TaskState.PENDING;
        int attempts;
        Instant finishedAt;

        Task(String name, String videoId) {
            this.name = name;
            this.videoId = videoId;
        }
    }

    /** One scheduled delivery of a task, due at a System.nanoTime() instant. */
    private record Delivery(Task task, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Delivery) other).dueNanos);
        }
    }
}
