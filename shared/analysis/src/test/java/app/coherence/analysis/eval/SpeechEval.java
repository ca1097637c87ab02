package app.coherence.analysis.eval;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.testvideo.GeneratedTalk.FillerMark;
import app.coherence.analysis.testvideo.SpokenTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.analysis.accuracy.WordErrors;
import app.coherence.analysis.testvideo.Voice;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The speech part of the accuracy corpus: every voice speaks every script (fillers said by the voice
 * itself), each analysed as an upload would be and compared with what the script put there; then real
 * recordings with their transcripts for word error ({@link RealSpeech}).
 *
 * <p>Bars, per voice: filler recall at least 80 % and at most 1 false filler per minute; pause count
 * within 1 per minute of the truth; pace within 10 %. Per real recording: word error at most 10 %.
 */
public final class SpeechEval implements EvalSuite {
    static final double MIN_FILLER_RECALL = 0.8;
    static final double MAX_FALSE_FILLERS_PER_MINUTE = 1;
    static final double MAX_PAUSE_ERROR_PER_MINUTE = 1;
    static final double MAX_PACE_ERROR = 0.10;
    static final double MAX_REAL_WORD_ERROR = 0.10;
    /** A found filler matches a scripted one when their spans come this close (seconds). */
    private static final double FILLER_SLACK = 0.3;

    private static final List<String> COLUMNS = List.of("talk", "voice", "WER", "words", "pace truth", "pace found", "pace err",
            "fillers", "found", "missed", "false", "pauses truth", "pauses found", "long pauses", "pitch range");

    @Override
    public String name() {
        return "speech";
    }

    @Override
    public EvalTable run(EvalSize size) throws Exception {
        EvalTable table = new EvalTable("speech accuracy (" + size.name().toLowerCase(Locale.ROOT) + ")", COLUMNS);
        CoherenceAnalyzer analyzer = CoherenceAnalyzer.withDefaultSpeech();
        Map<Voice, int[]> fillerTotals = new LinkedHashMap<>();   // truth, found, false
        Map<Voice, Double> minutes = new LinkedHashMap<>();
        Map<Voice, int[]> pauseTotals = new LinkedHashMap<>();   // truth, found
        List<Voice> voices = size == EvalSize.CI ? SpeechCorpus.CI_VOICES : SpeechCorpus.VOICES;
        for (Voice voice : voices) {
            List<SpeechCorpus.Script> scripts = SpeechCorpus.SCRIPTS;
            for (SpeechCorpus.Script script : scripts) {
                String name = script.name() + "-" + voice.label();
                SpokenTalk.Rendered talk = new SpokenTalk(voice, script.text())
                        .render(TestTalks.directory().resolve("speech-" + name + ".mp4"));
                AnalysisResult result = analyzer.analyze(talk.video().file(), name, null).result();
                Row row = compare(talk.truth(), result);
                int[] totals = fillerTotals.computeIfAbsent(voice, k -> new int[3]);
                totals[0] += row.fillers;
                totals[1] += row.found;
                totals[2] += row.falseFillers;
                double talkMinutes = talk.truth().durationSeconds() / 60;
                minutes.merge(voice, talkMinutes, Double::sum);
                table.row(List.of(script.name(), voice.label(), pct(row.wordError), row.words, fmt(row.paceTruth), fmt(row.paceFound),
                        pct(row.paceError), String.valueOf(row.fillers), String.valueOf(row.found),
                        String.join(" ", row.missed), String.join(" ", row.falseWords),
                        String.valueOf(row.pausesTruth), String.valueOf(row.pausesFound), row.longPauses,
                        fmt(result.metrics().vocalVariety().pitchRangeSemitones())));
                int[] p = pauseTotals.computeIfAbsent(voice, k -> new int[2]);
                p[0] += row.pausesTruth;
                p[1] += row.pausesFound;
                if (row.paceError > MAX_PACE_ERROR) {
                    table.missed(name + ": pace " + fmt(row.paceFound) + " wpm vs " + fmt(row.paceTruth) + " (" + pct(row.paceError) + " > 10 %)");
                }
            }
        }
        for (Map.Entry<Voice, int[]> e : fillerTotals.entrySet()) {
            int[] t = e.getValue();
            double recall = t[0] == 0 ? 1 : (double) t[1] / t[0];
            double falsePerMinute = t[2] / minutes.get(e.getKey());
            int[] p = pauseTotals.get(e.getKey());
            double pauseError = Math.abs(p[1] - p[0]) / minutes.get(e.getKey());
            table.row(List.of("all", e.getKey().label(), "", "", "", "", "", String.valueOf(t[0]), String.valueOf(t[1]),
                    "recall " + pct(recall), String.format(Locale.ROOT, "%.1f/min", falsePerMinute), String.valueOf(p[0]),
                    p[1] + String.format(Locale.ROOT, " (%.1f/min off)", pauseError), "", ""));
            if (pauseError > MAX_PAUSE_ERROR_PER_MINUTE) {
                table.missed(e.getKey().label() + ": " + p[1] + " pauses found, " + p[0] + " true (more than 1 per minute off)");
            }
            if (recall < MIN_FILLER_RECALL) {
                table.missed(e.getKey().label() + ": filler recall " + pct(recall) + " < 80 %");
            }
            if (falsePerMinute > MAX_FALSE_FILLERS_PER_MINUTE) {
                table.missed(e.getKey().label() + ": " + String.format(Locale.ROOT, "%.1f", falsePerMinute) + " false fillers per minute > 1");
            }
        }
        Map<String, int[]> real = new LinkedHashMap<>(); // errors, reference words per source
        for (RealSpeech.Recording recording : RealSpeech.recordings(size)) {
            int[] errors = RealSpeech.wordErrors(recording);
            int[] sum = real.computeIfAbsent(recording.source(), k -> new int[2]);
            sum[0] += errors[0];
            sum[1] += errors[1];
        }
        for (Map.Entry<String, int[]> e : real.entrySet()) {
            double wer = (double) e.getValue()[0] / e.getValue()[1];
            table.row(List.of(e.getKey(), "real", pct(wer), e.getValue()[1] + " words", "", "", "", "", "", "", "", "", "", "", ""));
            if (wer > MAX_REAL_WORD_ERROR) {
                table.missed(e.getKey() + ": word error " + pct(wer) + " > 10 %");
            }
        }
        return table;
    }

    /** One talk against its truth. */
    private static final class Row {
        double wordError;
        String words;
        double paceTruth;
        double paceFound;
        double paceError;
        int fillers;
        int found;
        int falseFillers;
        List<String> missed = new ArrayList<>();
        List<String> falseWords = new ArrayList<>();
        int pausesTruth;
        int pausesFound;
        String longPauses;
    }

    static Row compare(SpokenTalk.Truth truth, AnalysisResult result) {
        Row row = new Row();
        List<TranscriptSegment.Word> heard = result.transcript().stream().flatMap(s -> s.words().stream()).toList();
        List<String> spoken = heard.stream().filter(w -> !w.filler()).map(TranscriptSegment.Word::word).toList();
        row.wordError = WordErrors.rate(truth.words(), spoken);
        row.words = spoken.size() + "/" + truth.words().size() + " in " + fmt(truth.speakingSeconds()) + " s";
        row.paceTruth = truth.pace();
        row.paceFound = result.metrics().speakingPace();
        row.paceError = row.paceTruth == 0 ? 0 : Math.abs(row.paceFound - row.paceTruth) / row.paceTruth;
        List<TranscriptSegment.Word> fillers = heard.stream().filter(TranscriptSegment.Word::filler)
                .filter(w -> !w.word().isEmpty()).toList();
        boolean[] used = new boolean[fillers.size()];
        row.fillers = truth.fillers().size();
        for (FillerMark mark : truth.fillers()) {
            int match = -1;
            for (int i = 0; i < fillers.size() && match < 0; i++) {
                TranscriptSegment.Word w = fillers.get(i);
                if (!used[i] && w.start() < mark.end() + FILLER_SLACK && w.end() > mark.start() - FILLER_SLACK) {
                    match = i;
                }
            }
            if (match >= 0) {
                used[match] = true;
                row.found++;
            } else {
                row.missed.add(mark.word() + "@" + fmt(mark.start()));
            }
        }
        for (int i = 0; i < fillers.size(); i++) {
            if (!used[i]) {
                row.falseFillers++;
                row.falseWords.add(fillers.get(i).word() + "@" + fmt(fillers.get(i).start()));
            }
        }
        row.pausesTruth = truth.pauses().size();
        row.pausesFound = result.metrics().pauses().count();
        long longTruth = truth.pausesOf(2).size();
        long longFound = result.moments().stream().filter(m -> m.type().name().equals("PAUSE")).count();
        row.longPauses = longFound + "/" + longTruth;
        return row;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
