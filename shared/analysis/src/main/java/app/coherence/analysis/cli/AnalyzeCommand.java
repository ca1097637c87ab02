package app.coherence.analysis.cli;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.report.HtmlReport;
import app.coherence.analysis.report.JsonReport;
import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code analyze VIDEO [--json FILE] [--html FILE]}: analyses one video offline and prints a short
 * summary (with a progress bar on a terminal). Exit 0 on success, 2 for bad arguments, 3 when the
 * video is rejected, 1 for any other failure; errors are one readable line on stderr.
 */
public final class AnalyzeCommand {
    static final String USAGE = "usage: analyze VIDEO [--json FILE] [--html FILE]";

    private AnalyzeCommand() {
    }

    /** The parsed command line. */
    record Arguments(Path video, Path json, Path html) {
        static Arguments parse(String... args) {
            Path video = null;
            Path json = null;
            Path html = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--json", "--html" -> {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(a + " needs a file name");
                        }
                        Path p = Path.of(args[++i]);
                        if (a.equals("--json")) {
                            json = p;
                        } else {
                            html = p;
                        }
                    }
                    case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (video != null) {
                            throw new IllegalArgumentException("only one VIDEO, got '" + video + "' and '" + a + "'");
                        }
                        video = Path.of(a);
                    }
                }
            }
            if (video == null) {
                throw new IllegalArgumentException("missing VIDEO");
            }
            if (!Files.isRegularFile(video) || !Files.isReadable(video)) {
                throw new IllegalArgumentException("no readable file " + video);
            }
            return new Arguments(video, json, html);
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(System.out, System.err, System.console() != null, args));
    }

    static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("analyze: " + e.getMessage() + (e.getMessage().equals(USAGE) ? "" : " (" + USAGE + ")"));
            return 2;
        }
        try {
            String id = a.video().getFileName().toString();
            ProgressListener progress = terminal ? new ProgressBar(out) : ProgressListener.NONE;
            AnalysisOutput output = CoherenceAnalyzer.withDefaultSpeech().analyze(a.video(), id, progress);
            if (terminal) {
                out.println();
            }
            AnalysisResult r = output.result();
            if (a.json() != null) {
                Files.writeString(a.json(), new JsonReport().render(r), StandardCharsets.UTF_8);
            }
            if (a.html() != null) {
                Files.writeString(a.html(), new HtmlReport().render(r), StandardCharsets.UTF_8);
            }
            summary(out, r, a);
            return 0;
        } catch (MediaRejectedException e) {
            err.println("analyze: " + a.video() + " rejected (" + e.code() + "): " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("analyze: cannot write the report: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("analyze: analysis failed: " + e);
            return 1;
        }
    }

    private static void summary(PrintStream out, AnalysisResult r, Arguments a) {
        Metrics m = r.metrics();
        out.printf(Locale.ROOT, "%s: coherence %d/100 (%s), %.0f s%n", a.video().getFileName(), r.coherenceScore(),
                r.scoreTierLabel(), r.durationSeconds());
        out.printf(Locale.ROOT, "  pace %.0f wpm (target %s), fillers %d (%.1f/min), pauses %d (longest %.1f s)%n",
                m.speakingPace(), m.speakingPaceTarget(), m.fillerWords(), m.fillerRatePerMinute(), m.pauses().count(),
                m.pauses().longest());
        out.printf(Locale.ROOT, "  eye contact %.0f%%, face visible %.0f%%, centred %.0f%%, gestures %.1f/min, fidgeting %d%n",
                m.eyeContact(), m.framing().faceVisiblePct(), m.framing().centeredPct(), m.gestures().perMinute(), m.fidgeting());
        out.printf(Locale.ROOT, "  pitch range %.1f semitones, monotone %.0f s%n", m.vocalVariety().pitchRangeSemitones(),
                m.vocalVariety().monotoneSeconds());
        out.printf("  %d flag%s%n", r.dissonanceFlags().size(), r.dissonanceFlags().size() == 1 ? "" : "s");
        for (DissonanceFlag f : r.dissonanceFlags()) {
            out.printf(Locale.ROOT, "    %5.1f s %-18s %-6s %s%n", f.timestamp(), f.type(), f.severity(), f.description());
        }
        for (String p : r.priorities()) {
            out.println("  priority: " + p);
        }
        if (a.json() != null) {
            out.println("  JSON: " + a.json());
        }
        if (a.html() != null) {
            out.println("  HTML: " + a.html());
        }
    }

    /** A one-line bar redrawn in place: {@code [#####.....]  50% decode}. */
    static final class ProgressBar implements ProgressListener {
        private final PrintStream out;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onProgress(String stage, int percent) {
            int filled = percent / 5;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + String.format("%3d%% %-8s", percent, stage));
            out.flush();
        }
    }
}
