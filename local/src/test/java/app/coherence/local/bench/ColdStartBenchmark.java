package app.coherence.local.bench;

import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.gcp.GcpTestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./coherence bench cold-start}: the time from launching a JVM to the first HTTP answer, for each
 * HTTP function's deploy jar under Google's Functions Framework invoker (as Cloud Functions runs it)
 * and for the smallest Spring Cloud Function on the same adapter, built here; alternately, several
 * times. Each function starts with its class archive, as deployed (made first by functions/class-archive.sh
 * when missing; {@code --no-archives} starts without). Prints the medians and each function's ratio to
 * the hello world (target: at most 1.0). Then the analysis service's time to its first task
 * ({@link AnalysisFirstTask}).
 */
public final class ColdStartBenchmark {
    private static final String PROJECT = "demo-coldstart";
    private static final Path INVOKER = Path.of("local", "target", "functions-framework", "java-function-invoker.jar");
    private static final String OUR_ENTRY_POINT = "app.coherence.gcp.function.CoherenceFunctionInvoker";
    private static final String SPRING_ENTRY_POINT = "org.springframework.cloud.function.adapter.gcp.FunctionInvoker";

    private static final Path CLASS_ARCHIVE_SCRIPT = Path.of("functions", "class-archive.sh");

    /** One thing to start: its jar, entry point, JVM options, environment and the first request it must answer. */
    record Target(String name, Path jar, String entryPoint, List<String> jvmOptions, Map<String, String> env,
                  String method, String path) {
    }

    /** Whether the functions start with their class archive (functions/class-archive.sh), as deployed. */
    private static boolean archives = true;

    /** Where the deploy jars are: each module's target/deploy, or one directory given with --jars. */
    private static Path jars;

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--no-archives")) {
                archives = false;
                i--;
                continue;
            }
            if (i + 1 >= args.length || !List.of("--runs", "--jars").contains(args[i])) {
                System.err.println("usage: ./coherence bench cold-start [--runs N] [--jars DIR] [--no-archives]");
                System.exit(2);
            }
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[i + 1]);
            } else {
                jars = Path.of(args[i + 1]);
            }
        }
        if (!Files.isRegularFile(INVOKER)) {
            fail(INVOKER.toAbsolutePath() + " is missing (maven-dependency-plugin copies it when local/ is built for tests)");
        }
        Path hello = HelloJar.build(Path.of("local", "target", "bench", "hello-function.jar"));
        Map<String, String> env = GcpTestEnvironment.deployment(PROJECT);
        env.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        // no first request here verifies a token: the Auth emulator is named, never reached
        env.put("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099");
        env.put("PUBSUB_EMULATOR_HOST", EmulatorFixture.pubsub().hostPort());
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "app.coherence.gcp.logging.CloudLoggingFormat");
        env.putIfAbsent("STRIPE_WEBHOOK_SECRET", "whsec_coldstart_bench");

        Target helloWorld = new Target("hello-world", hello, SPRING_ENTRY_POINT, List.of(), Map.of(), "POST", "/");
        List<Target> functions = List.of(
                function("api", "api", env, "GET", "/v1/openapi.json"),
                function("quota", "uploads", env, "GET", "/v1/usage"),
                function("stripe-webhook", "stripeWebhook", env, "POST", "/v1/stripe/webhook"));

        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpuSeconds = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "cold start, %d runs each, alternating with the hello world, functions %s (load %.1f)%n",
                runs, archives ? "with their class archive" : "without class archive", loadAverage());
        for (int run = 1; run <= runs; run++) {
            for (Target target : functions) {
                for (Target t : List.of(helloWorld, target)) {
                    FirstAnswer answer = firstAnswer(t);
                    seconds.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(answer.seconds());
                    cpuSeconds.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(answer.cpuSeconds());
                    System.out.printf(Locale.ROOT, "  run %d %-15s %6.2f s (CPU %5.2f s)%n", run, t.name(),
                            answer.seconds(), answer.cpuSeconds());
                }
            }
        }
        double yardstick = median(seconds.get(helloWorld.name()));
        double cpuYardstick = median(cpuSeconds.get(helloWorld.name()));
        // CPU time to the first answer is printed beside: on a shared machine it moves far less than wall time
        System.out.printf(Locale.ROOT, "%n%-15s %8s %8s %8s %8s %9s %9s%n", "function", "median", "min", "max", "ratio",
                "CPU med", "CPU ratio");
        boolean met = true;
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            double m = median(e.getValue());
            double ratio = m / yardstick;
            double cpu = median(cpuSeconds.get(e.getKey()));
            if (!e.getKey().equals(helloWorld.name())) {
                met &= ratio <= 1.0;
            }
            System.out.printf(Locale.ROOT, "%-15s %7.2fs %7.2fs %7.2fs %7.2fx %8.2fs %8.2fx%n", e.getKey(), m,
                    e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0), ratio, cpu, cpu / cpuYardstick);
        }
        System.out.printf(Locale.ROOT, "%ntarget: every function at most 1.0x the hello world: %s (load %.1f)%n",
                met ? "PASS" : "FAIL", loadAverage());
        AnalysisFirstTask.print(runs, env, javaBinary());
        System.exit(0);
    }

    private static Target function(String module, String bean, Map<String, String> common, String method, String path) {
        Path jar = jars != null ? jars.resolve("function-" + module + ".jar")
                : Path.of("functions", module, "target", "deploy", "function-" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar.toAbsolutePath() + " is missing: it is built by `mvn package` of functions/" + module);
        }
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", bean);
        List<String> jvmOptions = archives ? List.of("-XX:SharedArchiveFile=" + classArchive(jar, bean, method, path)) : List.of();
        return new Target(module, jar, OUR_ENTRY_POINT, jvmOptions, env, method, path);
    }

    /** The jar's class archive, made by a training run of functions/class-archive.sh when missing or older than the jar. */
    private static Path classArchive(Path jar, String bean, String method, String path) {
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        try {
            if (Files.isRegularFile(archive) && !Files.getLastModifiedTime(archive).toInstant()
                    .isBefore(Files.getLastModifiedTime(jar).toInstant())) {
                return archive;
            }
            System.out.println("training run for " + archive + " ...");
            ProcessBuilder builder = new ProcessBuilder("bash", CLASS_ARCHIVE_SCRIPT.toString(), INVOKER.toString(), jar.toString(),
                    bean, method, path, archive.toString());
            builder.environment().put("JAVA", javaBinary()); // the archive is valid only for the JVM that made it
            Process training = builder.inheritIO().start();
            if (training.waitFor() != 0) {
                fail(CLASS_ARCHIVE_SCRIPT + " failed for " + jar);
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Wall seconds from launching a JVM to its first HTTP answer, and the CPU seconds it used until then. */
    record FirstAnswer(double seconds, double cpuSeconds) {
    }

    /** Launches {@code target}'s JVM and times its first HTTP answer (any status). */
    static FirstAnswer firstAnswer(Target target) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("local", "target", "bench", target.name() + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(target.jvmOptions());
        command.addAll(List.of("-jar", INVOKER.toAbsolutePath().toString(), "--classpath", target.jar().toAbsolutePath().toString(),
                "--target", target.entryPoint(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(target.env());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target.path()))
                .timeout(Duration.ofSeconds(60))
                .method(target.method(), HttpRequest.BodyPublishers.ofString("world"))
                .header("Content-Type", "text/plain").build();
        return awaitFirstAnswer(target.name(), builder, request, log);
    }

    /** Starts {@code builder}'s process and sends {@code request} until it is answered (any status); stops the process. */
    static FirstAnswer awaitFirstAnswer(String name, ProcessBuilder builder, HttpRequest request, Path log)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
                if (!process.isAlive()) {
                    fail(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                }
                try {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                    double wall = (System.nanoTime() - start) / 1e9;
                    double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                    return new FirstAnswer(wall, cpu);
                } catch (IOException notYet) {
                    Thread.sleep(10);
                }
            }
            fail(name + " did not answer within 120 s; see " + log.toAbsolutePath());
            return null;
        } finally {
            stop(process);
        }
    }

    /** Asks the process to stop, then makes it. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void fail(String line) {
        System.err.println("bench cold-start: " + line);
        System.exit(1);
    }
}
