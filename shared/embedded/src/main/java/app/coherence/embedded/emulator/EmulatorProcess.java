package app.coherence.embedded.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulator running as a child process: started, waited for until it answers HTTP, and stopped with
 * its whole process tree (the gcloud wrapper leaves its java child running otherwise), also when the JVM exits.
 */
public abstract class EmulatorProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmulatorProcess.class);
    private static final Duration POLL = Duration.ofMillis(200);

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name;
    private final int port;
    private final Path logFile;
    private Process process;
    /** The process once it answered, read without the lock so health checks never wait for a (re)start. */
    private volatile Process ready;
    private Thread shutdownHook;
    private boolean stopped;
    private boolean stopOnJvmExit = true;

    protected EmulatorProcess(String name, int port, Path logFile) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
    }

    /** The command line that starts the emulator. */
    protected abstract List<String> command();

    /** Extra environment of the child process. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Working directory of the child process, or null for the JVM's. */
    protected Path workingDirectory() {
        return null;
    }

    /** The URL that answers 200 once the emulator serves requests. */
    protected URI readinessUrl() {
        return URI.create("http://" + hostPort() + "/");
    }

    /** Called before the process is asked to stop (e.g. to export data). */
    protected void beforeStop() {
    }

    /**
     * Whether a JVM shutdown hook of its own stops this emulator (default true). An owner that stops it in
     * its own shutdown (e.g. a Spring context saving data first) can turn it off, so the two hooks, which the
     * JVM runs in parallel, do not race.
     */
    public synchronized EmulatorProcess stopOnJvmExit(boolean enabled) {
        if (process != null) {
            throw new IllegalStateException("set stopOnJvmExit before starting the " + name + " emulator");
        }
        this.stopOnJvmExit = enabled;
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the form the *_EMULATOR_HOST variables take. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        Process answered = ready;
        return answered != null && answered.isAlive();
    }

    /**
     * Starts the emulator again, on the same port, when its process died (not when it was stopped);
     * returns whether it did. Clients reconnect to the same address by themselves.
     */
    public synchronized boolean restartIfDead(Duration timeout) {
        if (process == null || stopped || process.isAlive()) {
            return false;
        }
        log.warn("{} emulator on {} died (exit code {}); starting it again", name, hostPort(), process.exitValue());
        killTree(); // a wrapper's children may outlive it and hold the port
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyExiting) {
                return false;
            }
            shutdownHook = null;
        }
        ready = null;
        process = null;
        start(timeout);
        return true;
    }

    /** Starts the process and waits until it is ready; throws {@link EmulatorException} with the log's tail if it is not. */
    public synchronized void start(Duration timeout) {
        if (process != null) {
            throw new IllegalStateException(name + " emulator already started");
        }
        requirePortFree();
        List<String> command = command();
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment());
            if (workingDirectory() != null) {
                builder.directory(workingDirectory().toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new EmulatorException("cannot start the " + name + " emulator (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        if (stopOnJvmExit) {
            shutdownHook = new Thread(this::stopFromHook, name + "-emulator-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        log.info("starting {} emulator on {} (log {})", name, hostPort(), logFile);
        long started = System.nanoTime();
        try {
            awaitReady(timeout);
        } catch (RuntimeException notReady) {
            stop();
            throw notReady;
        }
        ready = process;
        log.info("{} emulator ready on {} after {} ms", name, hostPort(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Fails fast on a taken port (the emulators would hang or answer for someone else otherwise). */
    private void requirePortFree() {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new EmulatorException("port " + port + " on 127.0.0.1 is already in use: choose another port for the "
                    + name + " emulator");
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(readinessUrl()).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail();
                killTree();
                throw new EmulatorException("the " + name + " emulator exited with code " + process.exitValue()
                        + " before it was ready; its log " + logFile + " ends with:\n" + tail);
            }
            try {
                HttpResponse<Void> reply = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet: poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killTree();
                throw new EmulatorException("interrupted while waiting for the " + name + " emulator", e);
            }
            sleep(POLL);
        }
        String tail = logTail();
        killTree();
        throw new EmulatorException("the " + name + " emulator was not ready on " + hostPort() + " within "
                + timeout.toSeconds() + " s; its log " + logFile + " ends with:\n" + tail);
    }

    /** Stops the emulator (running {@link #beforeStop()} first) and waits for its whole process tree to end. */
    public synchronized void stop() {
        if (process == null || stopped) {
            return;
        }
        stopped = true;
        ready = null;
        if (process.isAlive()) {
            try {
                beforeStop();
            } catch (RuntimeException e) {
                log.warn("{} emulator: step before stop failed: {}", name, e.getMessage());
            }
        }
        killTree();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // the hook is running or has run: nothing to remove
            }
            shutdownHook = null;
        }
        log.info("{} emulator on {} stopped", name, hostPort());
    }

    private void stopFromHook() {
        synchronized (this) {
            shutdownHook = null;
        }
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Terminates the process and every descendant: politely first, then by force. */
    private void killTree() {
        Process p = process;
        if (p == null) {
            return;
        }
        // Snapshot descendants first: once the wrapper dies its children are re-parented and lost from view.
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(0, p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("{} emulator: process {} did not exit", name, handle.pid());
                }
            }
        }
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        try {
            if (!Files.exists(logFile)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The started process and all its descendants right now (for checking that a stop leaves none behind). */
    public synchronized List<ProcessHandle> processTree() {
        if (process == null) {
            throw new IllegalStateException(name + " emulator not started");
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        return tree;
    }

    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }
}
