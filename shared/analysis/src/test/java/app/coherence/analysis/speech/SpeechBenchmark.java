package app.coherence.analysis.speech;

import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.SoundTrack;
import app.coherence.analysis.testvideo.TestTalks;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the recogniser's figures on a generated talk: word error rate, worst word-timing error,
 * recogniser CPU per second of audio (real-time factor) and wall time with 1 and 2 threads.
 * Not a test: a command, run from the repository root with the minutes of talk (default 3):
 * <pre>
 * mvn -o -q -pl shared/analysis -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd shared/analysis &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     app.coherence.analysis.speech.SpeechBenchmark 3
 * </pre>
 */
public final class SpeechBenchmark {

    private SpeechBenchmark() {
    }

    public static void main(String[] args) {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        long made = System.nanoTime();
        GeneratedTalk talk = TestTalks.longTalk(TestTalks.directory().resolve("speech-bench.mp4"), minutes, 320, 240, 10);
        short[] audio = SoundTrack.read16k(talk.file());
        System.out.printf("talk: %.1f s of audio, %d words (generated and decoded in %.1f s)%n",
                audio.length / 16_000.0, talk.words().size(), (System.nanoTime() - made) / 1e9);
        long loading = System.nanoTime();
        VoskSpeechRecognizer.preload();
        System.out.printf("model load: %.2f s%n", (System.nanoTime() - loading) / 1e9);
        for (int threads : new int[] {1, 2}) {
            VoskSpeechRecognizer recognizer = new VoskSpeechRecognizer(threads);
            try (VoskSpeechSession session = recognizer.start()) {
                long started = System.nanoTime();
                for (int from = 0; from < audio.length; from += 1_600) {
                    int n = Math.min(1_600, audio.length - from);
                    short[] piece = new short[n];
                    System.arraycopy(audio, from, piece, 0, n);
                    session.accept(piece, n);
                }
                List<RecognizedWord> words = session.finish();
                double wall = (System.nanoTime() - started) / 1e9;
                WordErrorRate wer = WordErrorRate.of(talk.words().stream().map(GeneratedTalk.Word::word).toList(),
                        words.stream().map(RecognizedWord::text).toList());
                double worst = 0;
                for (WordErrorRate.Match m : wer.matches) {
                    GeneratedTalk.Word truth = talk.words().get(m.reference());
                    worst = Math.max(worst, Math.abs(truth.start() - words.get(m.hypothesis()).start()));
                }
                RecognitionStats stats = session.stats();
                System.out.printf("threads %d: wall %.1f s (%.3f x real time), recogniser CPU %.1f s (RTF %.3f per core),"
                                + " %d chunks, WER %.3f, worst start error %.2f s%n",
                        threads, wall, wall / stats.audioSeconds(), stats.busySeconds(), stats.realTimeFactor(),
                        stats.chunks(), wer.rate, worst);
                if (threads == 2) {
                    for (GeneratedTalk.FillerMark f : talk.fillers().subList(0, Math.min(6, talk.fillers().size()))) {
                        List<String> heard = words.stream()
                                .filter(w -> w.end() > f.start() - 0.1 && w.start() < f.end() + 0.1)
                                .map(w -> w.text() + String.format("(%.2f)", w.confidence())).toList();
                        System.out.printf("scripted %s at %.1f s: recogniser heard %s%n", f.word(), f.start(), heard);
                    }
                }
            }
        }
        System.out.println("file: " + Path.of(talk.file().toString()));
    }
}
