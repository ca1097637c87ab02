package app.coherence.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One function's deploy jar running in its own JVM under Google's Functions Framework invoker, as
 * Cloud Functions runs it (same entry point, environment variables instead of Terraform's).
 */
final class DeployedFunction implements AutoCloseable {
    static final String ENTRY_POINT = "app.coherence.gcp.function.CoherenceFunctionInvoker";
    private static final Path INVOKER = Path.of("target", "functions-framework", "java-function-invoker.jar");

    private final String module;
    private final Process process;
    private final Path log;
    private final int port;

    private DeployedFunction(String module, Process process, Path log, int port) {
        this.module = module;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The deploy jar Maven's package phase built for {@code functions/<module>}. */
    static Path deployJar(String module) {
        Path jar = Path.of("..", "functions", module, "target", "deploy", "function-" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: it is built by `mvn package` of "
                    + "functions/" + module + " (run the whole reactor, e.g. ./coherence test)");
        }
        return jar;
    }

    /** Starts {@code functions/<module>}'s deploy jar with {@code env}; returns once it answers HTTP. */
    static DeployedFunction start(String module, Map<String, String> env) {
        return start(module, module, env);
    }

    /** As {@link #start(String, Map)}, logging to {@code name}.log (a second instance of one module). */
    static DeployedFunction start(String module, String name, Map<String, String> env) {
        if (!Files.isRegularFile(INVOKER)) {
            throw new IllegalStateException(INVOKER.toAbsolutePath() + " is missing: maven-dependency-plugin copies it "
                    + "in process-test-resources");
        }
        int port = freePort();
        Path log = Path.of("target", "deployed-functions", name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", INVOKER.toAbsolutePath().toString(),
                    "--classpath", deployJar(module).toAbsolutePath().toString(), "--target", ENTRY_POINT,
                    "--port", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            DeployedFunction function = new DeployedFunction(module, builder.start(), log, port);
            function.awaitServing(Duration.ofSeconds(90));
            return function;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(module + " did not answer; its log:\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Status and body of a GET whose target is sent byte for byte, for request lines java.net.URI
     * refuses (a bad %-escape) but a client on the internet may still send.
     */
    RawReply getRaw(String target, String authorization) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(reply.indexOf(' ') + 1, reply.indexOf(' ') + 4));
            String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
            return new RawReply(status, body.substring(Math.max(0, body.indexOf('{')), body.lastIndexOf('}') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(module + " did not answer; its log:\n" + logTail(), e);
        }
    }

    /** A reply read off the socket: status and the JSON body. */
    record RawReply(int status, String body) {
    }

    /** The last lines of the function's output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; its log:\n" + logTail());
            }
            try {
                // any HTTP answer (even 404 for "/") means the framework is serving the function
                client.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(module + " did not serve within " + timeout + "; its log:\n" + logTail());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
