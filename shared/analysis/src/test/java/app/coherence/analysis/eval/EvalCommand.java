package app.coherence.analysis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./coherence eval [--ci] [SUITE...]}: runs the accuracy corpus (every suite, or the named ones) and
 * prints one table per suite; exits 1 when any bar is missed, 2 on a bad argument.
 */
public final class EvalCommand {
    private EvalCommand() {
    }

    /** Every suite of the corpus. */
    static List<EvalSuite> suites() {
        return List.of(new SpeechEval(), new VisionEval());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        EvalSize size = EvalSize.FULL;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--ci")) {
                size = EvalSize.CI;
            } else if (arg.startsWith("-")) {
                System.err.println("eval: unknown option " + arg + " (usage: ./coherence eval [--ci] [speech|vision ...])");
                System.exit(2);
            } else {
                names.add(arg.toLowerCase(Locale.ROOT));
            }
        }
        List<EvalSuite> chosen = new ArrayList<>();
        for (EvalSuite suite : suites()) {
            if (names.isEmpty() || names.contains(suite.name())) {
                chosen.add(suite);
            }
        }
        if (chosen.size() < Math.max(1, names.size())) {
            System.err.println("eval: unknown suite in " + names + " (suites: speech, vision)");
            System.exit(2);
        }
        int missed = 0;
        for (EvalSuite suite : chosen) {
            EvalTable table = suite.run(size);
            table.print(System.out);
            missed += table.missedBars().size();
        }
        System.out.println(missed == 0 ? "eval: every bar met" : "eval: " + missed + " bar(s) missed");
        System.exit(missed == 0 ? 0 : 1);
    }
}
