package app.coherence.analysis.bench;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.StageTimes;
import app.coherence.analysis.speech.VoskSpeechRecognizer;
import app.coherence.analysis.testvideo.RoomHiss;
import app.coherence.analysis.testvideo.SoundTrack;
import app.coherence.analysis.vad.VoiceActivity;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.AnalysisResult;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * {@code bench analysis}: generates a 3-minute 720p talk (festival voice, face photo, slides) twice, once
 * with camera-like grain at a phone's bitrate (the figure that counts) and once drawn only, and prints for each
 * the analysis' wall time, real-time factor, each stage's time and peak heap, beside the time of a plain
 * {@code ffmpeg -f null} decode of the same file and the ratio of the two, the vision stage's CPU and the wall time
 * Silero VAD adds. The first analysis of the process (JIT compilation, native libraries and models
 * loading, once per process like the speech model's load) is printed apart. Then analyses a 1-minute and
 * a 6-minute talk to compare their peak heap (memory must not grow with length).
 * Generated talks are cached in target/testvideos. Not a test: a command that prints figures.
 *
 * <p>Options: {@code --minutes N} (default 3), {@code --no-memory} (skip the 1 vs 6 minute comparison).
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        double minutes = 3;
        boolean memory = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--no-memory" -> memory = false;
                default -> {
                    System.err.println("bench analysis: unknown argument " + args[i] + " (options: --minutes N, --no-memory)");
                    System.exit(2);
                }
            }
        }
        Path camera = talk(minutes, 1280, 720, 25, true);
        Path drawn = talk(minutes, 1280, 720, 25, false);
        long loading = System.nanoTime();
        VoskSpeechRecognizer.preload();
        System.out.printf(Locale.ROOT, "speech model load (once per process, not counted below): %.1f s%n", (System.nanoTime() - loading) / 1e9);

        CoherenceAnalyzer analyzer = CoherenceAnalyzer.withDefaultSpeech();
        // the first analysis of a process also compiles the hot code and loads the native libraries and the
        // other models (Silero, MediaPipe): once per process, like the speech model, so it is shown apart
        double firstLoad = load();
        Run first = analyse(analyzer, camera);
        compare(analyzer, camera, "camera-like: sensor grain, 5 Mbit/s, as a phone records", first, firstLoad);
        compare(analyzer, drawn, "drawn frames only: compresses to almost nothing, so its decode floor is unrealistically low", null, 0);

        if (memory) {
            System.out.printf("%npeak heap by talk length (640x360, 25 fps)%n");
            for (double m : new double[] {1, 6}) {
                Path file = talk(m, 640, 360, 25, false);
                System.gc();
                Run r = analyse(analyzer, file);
                double peak = r.stages.values().stream().mapToDouble(StageTimes.Stage::peakHeapMb).max().orElse(0);
                System.out.printf(Locale.ROOT, "  %.0f-minute talk: wall %5.1f s, peak heap %5.0f MB (%s), old gen after GC %5.0f MB%n",
                        m, r.seconds, peak, perStage(r.stages), oldGenAfterGcMb());
            }
        }
    }

    /**
     * Analyses {@code talk} between two plain decodes of it and prints the figures side by side; {@code first}, when
     * given, is the process' first analysis of it.
     */
    private static void compare(CoherenceAnalyzer analyzer, Path talk, String kind, Run first, double firstLoad)
            throws IOException, InterruptedException {
        double loadBefore = load();
        double[] before = plainDecode(talk);
        Run run = analyse(analyzer, talk);
        double[] after = plainDecode(talk);
        double loadAfter = load();
        // this machine is shared: the decode is timed before and after the analysis, and CPU seconds
        // (less sensitive to other load than wall time) are printed beside wall time
        double decode = (before[0] + after[0]) / 2;
        double decodeCpu = (before[1] + after[1]) / 2;
        System.out.printf(Locale.ROOT, "%nanalysis of %s (%.0f s, 1280x720 25 fps, %.1f MB; %s)%n", talk.getFileName(),
                run.result.durationSeconds(), Files.size(talk) / 1e6, kind);
        System.out.printf(Locale.ROOT, "  wall time            %6.1f s (CPU %.1f s on %d cores, load average %.1f before, %.1f after)%n", run.seconds,
                run.cpuSeconds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "  real-time factor     %6.3f (wall / video length)%n", run.seconds / run.result.durationSeconds());
        for (Map.Entry<String, StageTimes.Stage> e : run.stages.entrySet()) {
            System.out.printf(Locale.ROOT, "  stage %-9s      %6.1f s, peak heap %5.0f MB%n", e.getKey(), e.getValue().seconds(), e.getValue().peakHeapMb());
        }
        // where the CPU went: speech and vision on threads of their own, voice activity on the decoding thread,
        // and the rest (decoding, voice features, scoring) is what remains of the process' CPU
        double parts = 0;
        for (Map.Entry<String, Double> e : run.threadCpu.entrySet()) {
            System.out.printf(Locale.ROOT, "  CPU %-16s %6.1f s%n", e.getKey(), e.getValue());
            parts += e.getValue();
        }
        System.out.printf(Locale.ROOT, "  CPU %-16s %6.1f s (decoding, voice features, scoring, the JVM's own threads)%n", "the rest",
                run.cpuSeconds - parts);
        System.out.printf(Locale.ROOT, "  plain ffmpeg decode  %6.1f s (CPU %.1f s; ffmpeg -f null, the floor; mean of before and after)%n",
                decode, decodeCpu);
        System.out.printf(Locale.ROOT, "  ratio                %6.2f x the plain decode's wall time (target <= 2), %.2f x its CPU%n",
                run.seconds / decode, run.cpuSeconds / decodeCpu);
        if (first != null) {
            System.out.printf(Locale.ROOT, "  first analysis       %6.1f s (CPU %.1f s, load average %.1f before): %.2f x the plain decode, in a fresh "
                    + "process (JIT compilation, native libraries and models loading: once per process, not counted above)%n",
                    first.seconds, first.cpuSeconds, firstLoad, first.seconds / decode);
        }
        System.out.printf(Locale.ROOT, "  result: score %d (%s), %d flags, %.0f wpm, %d fillers%n", run.result.coherenceScore(),
                run.result.scoreTier(), run.result.dissonanceFlags().size(), run.result.metrics().speakingPace(),
                run.result.metrics().fillerWords());
        // Silero runs inline on the audio thread, beside the other stages: it cannot add more wall time than its own
        // time on the whole track, run alone on one thread (the median of three runs: this machine is shared)
        short[] audio = SoundTrack.read16k(talk);
        double[] alone = sileroAlone(audio);
        // the generated track is digitally silent between sentences, which Silero skips; a room never is: the same
        // track with a quiet room's hiss (about -58 dBFS) shows what a real recording pays
        short[] room = RoomHiss.over(audio, 40, 1);
        double[] inRoom = sileroAlone(room);
        // inside the analysis every stage is CPU-bound on shared cores: Silero's share of the CPU is its share of the wall
        double vadCpu = run.threadCpu.getOrDefault("voice activity", Double.NaN);
        System.out.printf(Locale.ROOT, "  Silero VAD added     %6.2f s of wall (its %.2f s of the analysis' %.1f s CPU, as a share of the wall; "
                + "target <= 0.5 s), at most %.2f s (its time alone on the %.0f s track, median of %.2f / %.2f / %.2f s; %.0f %% of the "
                + "windows digital silence, skipped)%n",
                vadCpu * run.seconds / run.cpuSeconds, vadCpu, run.cpuSeconds, alone[1], audio.length / 16_000.0, alone[0], alone[1], alone[2],
                100 * alone[3]);
        System.out.printf(Locale.ROOT, "  Silero VAD in a room %6.2f s alone on the same track with -58 dBFS hiss (median of %.2f / %.2f / %.2f s; "
                + "%.0f %% skipped): at most that much wall, %.2f s at the analysis' share%n",
                inRoom[1], inRoom[0], inRoom[1], inRoom[2], 100 * inRoom[3], vadCpu * run.seconds / run.cpuSeconds * inRoom[1] / alone[1]);
    }

    /**
     * Seconds Silero VAD takes to judge {@code audio} alone on this thread, three times (this machine is shared):
     * {fastest, median, slowest, share of windows skipped}.
     */
    private static double[] sileroAlone(short[] audio) {
        double[] result = new double[4];
        for (int i = 0; i < 3; i++) {
            try (VoiceActivity activity = VoiceActivity.silero()) {
                long started = System.nanoTime();
                activity.accept(audio, audio.length);
                result[i] = (System.nanoTime() - started) / 1e9;
                result[3] = activity.skippedWindows() / (audio.length / (double) VoiceActivity.WINDOW);
            }
        }
        Arrays.sort(result, 0, 3);
        return result;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private record Run(AnalysisResult result, double seconds, double cpuSeconds, Map<String, StageTimes.Stage> stages,
                       Map<String, Double> threadCpu) {
    }

    private static Run analyse(CoherenceAnalyzer analyzer, Path file) {
        double cpu = processCpuSeconds();
        long started = System.nanoTime();
        AnalysisResult result = analyzer.analyze(file, file.getFileName().toString(), null).result();
        return new Run(result, (System.nanoTime() - started) / 1e9, processCpuSeconds() - cpu, analyzer.stageTimes().ordered(),
                analyzer.stageTimes().threadCpu());
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String perStage(Map<String, StageTimes.Stage> stages) {
        List<String> parts = new ArrayList<>();
        stages.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.0f", k, v.peakHeapMb())));
        return String.join(", ", parts);
    }

    private static double oldGenAfterGcMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024);
    }

    private static Path talk(double minutes, int width, int height, double fps, boolean likeCamera) {
        Path file = TestTalks.directory().resolve(String.format(Locale.ROOT, "bench-%.1fmin-%dx%d%s.mp4", minutes, width, height,
                likeCamera ? "-camera" : ""));
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            TestTalks.longTalk(file, minutes, width, height, fps, likeCamera);
            System.out.printf(Locale.ROOT, "generated %s in %.0f s%n", file.getFileName(), (System.nanoTime() - started) / 1e9);
        }
        return file;
    }

    /**
     * {wall, CPU} seconds of {@code ffmpeg -f null} over the file: the system ffmpeg, else javacv's
     * bundled binary; CPU from bash's {@code time} (user + sys).
     */
    private static double[] plainDecode(Path file) throws IOException, InterruptedException {
        String ffmpeg = new File("/usr/bin/ffmpeg").canExecute() ? "/usr/bin/ffmpeg"
                : Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        long started = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time \"$0\" -v error -nostdin -i \"$1\" -f null - 2>/dev/null",
                ffmpeg, file.toString()).redirectErrorStream(true).start();
        String times = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(ffmpeg + " failed on " + file);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String[] last = times.substring(times.lastIndexOf('\n') + 1).trim().split("\\s+");
        return new double[] {wall, Double.parseDouble(last[0]) + Double.parseDouble(last[1])};
    }
}
