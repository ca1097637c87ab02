package app.coherence.local.bench;

import app.coherence.analysis.testvideo.TestTalks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The analysis service's time to its first task, printed beside the functions' cold starts. Its first
 * task needs what cannot run here (an OIDC token from Cloud Tasks, the video in Cloud Storage), so it is
 * measured in its two parts, each from a fresh JVM: the service's executable jar (as the Dockerfile runs
 * it) until its first answer on {@code POST /tasks/analyze}, and the first analysis of the 8 s generated
 * talk (Vosk, Silero and the face models loaded on the way) by {@code ./coherence analyze}'s command.
 */
final class AnalysisFirstTask {
    private static final Path SERVICE_TARGET = Path.of("functions", "analysis", "target");
    private static final String ANALYZE_COMMAND = "app.coherence.analysis.cli.AnalyzeCommand";

    private AnalysisFirstTask() {
    }

    static void print(int runs, Map<String, String> env, String java) throws Exception {
        Path jar = serviceJar();
        Path talk = TestTalks.shortOne().file();
        List<Double> up = new ArrayList<>();
        List<Double> analysed = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            up.add(serviceFirstAnswer(jar, env, java));
            analysed.add(firstAnalysis(talk, java));
            System.out.printf(Locale.ROOT, "  run %d analysis service first answer %6.2f s, first analysis of the 8 s talk %6.2f s%n",
                    run, up.get(run - 1), analysed.get(run - 1));
        }
        double a = ColdStartBenchmark.median(up);
        double b = ColdStartBenchmark.median(analysed);
        System.out.printf(Locale.ROOT, "%nanalysis service (Cloud Run), medians of %d: first answer %.2f s; first analysis of an 8 s talk"
                + " in a fresh JVM %.2f s (JVM start and model load included); its first task at most %.2f s after launch"
                + " (the sum counts a JVM start twice)%n", runs, a, b, a + b);
    }

    /** Wall seconds from {@code java -jar} of the service to its first answer (401: no Cloud Tasks token here). */
    private static double serviceFirstAnswer(Path jar, Map<String, String> env, String java) throws IOException, InterruptedException {
        int port = ColdStartBenchmark.freePort();
        Path log = Path.of("local", "target", "bench", "analysis-service.log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dserver.port=" + port, "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tasks/analyze"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"videoId\":\"cold-start\"}")).build();
        return ColdStartBenchmark.awaitFirstAnswer("the analysis service", builder, request, log).seconds();
    }

    /** The executable jar the Dockerfile runs (spring-boot-maven-plugin's {@code -exec} classifier). */
    private static Path serviceJar() throws IOException {
        try (var files = Files.list(SERVICE_TARGET.toFile().isDirectory() ? SERVICE_TARGET : Path.of("."))) {
            return files.filter(f -> f.getFileName().toString().matches("function-analysis-.*-exec\\.jar")).findFirst()
                    .orElseGet(() -> {
                        ColdStartBenchmark.fail(SERVICE_TARGET.toAbsolutePath()
                                + " has no function-analysis-*-exec.jar: it is built by `mvn package` of functions/analysis");
                        return null;
                    });
        }
    }

    /** Wall seconds of {@code ./coherence analyze TALK} in a fresh JVM, start to exit. */
    private static double firstAnalysis(Path talk, String java) throws IOException, InterruptedException {
        Path log = Path.of("local", "target", "bench", "first-analysis.log");
        Path json = Path.of("local", "target", "bench", "first-analysis.json");
        Files.deleteIfExists(json);
        ProcessBuilder builder = new ProcessBuilder(java, "-Xss8m", "-cp", System.getProperty("java.class.path"), ANALYZE_COMMAND,
                talk.toString(), "--json", json.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(json)) {
                ColdStartBenchmark.fail("the first analysis failed or took over 5 min; see " + log.toAbsolutePath());
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            ColdStartBenchmark.stop(process);
        }
    }
}
