package app.coherence.analysis.eval;

import app.coherence.analysis.accuracy.WordErrors;
import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.speech.SpeechSession;
import app.coherence.analysis.speech.VoskSpeechRecognizer;
import app.coherence.analysis.testvideo.SoundTrack;
import app.coherence.analysis.vad.VoiceActivity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Real people reading, with what they said: Debian's {@code pocketsphinx-testdata} (LibriVox readings and
 * their {@code transcription} file) and whisper.cpp's {@code jfk.wav} from npm {@code nodejs-whisper@0.3.1},
 * fetched with {@code npm pack} into {@code target/} once and never committed.
 */
final class RealSpeech {
    static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    private static final String WHISPER_PACKAGE = "nodejs-whisper@0.3.1";
    private static final String JFK_IN_PACKAGE = "package/cpp/whisper.cpp/bindings/go/samples/jfk.wav";
    private static final String JFK_WORDS = "and so my fellow americans ask not what your country can do for you"
            + " ask what you can do for your country";

    /** A recording and the words spoken in it. */
    record Recording(String source, Path file, List<String> words) {
    }

    private RealSpeech() {
    }

    static List<Recording> recordings(EvalSize size) throws IOException {
        if (!Files.isRegularFile(LIBRIVOX.resolve("transcription"))) {
            throw new IllegalStateException("real speech for the corpus is missing: apt-get install pocketsphinx-testdata");
        }
        List<Recording> out = new ArrayList<>();
        for (String line : Files.readAllLines(LIBRIVOX.resolve("transcription"))) {
            int open = line.lastIndexOf('(');
            if (open < 0) {
                continue;
            }
            String id = line.substring(open + 1, line.lastIndexOf(')')).trim();
            String text = line.substring(0, open).replace("<s>", "").replace("</s>", "").trim();
            out.add(new Recording("librivox", LIBRIVOX.resolve(id + ".wav"), words(text)));
        }
        out.add(new Recording("jfk", jfk(), words(JFK_WORDS)));
        return out;
    }

    /** Word errors of the recogniser (chunked by the voice activity, as in the pipeline) on one recording, and its word count. */
    static int[] wordErrors(Recording recording) {
        short[] samples = SoundTrack.read16k(recording.file());
        List<RecognizedWord> heard;
        try (VoiceActivity activity = VoiceActivity.silero(); SpeechSession session = new VoskSpeechRecognizer().start(activity)) {
            for (int from = 0; from < samples.length; from += 4000) {
                short[] piece = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 4000));
                activity.accept(piece, piece.length);
                session.accept(piece, piece.length);
            }
            heard = session.finish();
        }
        List<String> hypothesis = heard.stream().map(RecognizedWord::text).filter(w -> !w.startsWith("[")).toList();
        int n = recording.words().size();
        return new int[] {(int) Math.round(WordErrors.rate(recording.words(), hypothesis) * n), n};
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).map(w -> w.replaceAll("[^a-z']", ""))
                .filter(w -> !w.isEmpty()).toList();
    }

    /** whisper.cpp's sample, unpacked from its npm package into target/ the first time. */
    private static Path jfk() throws IOException {
        Path dir = Path.of("target", "real-speech").toAbsolutePath();
        Path wav = dir.resolve("jfk.wav");
        if (Files.isRegularFile(wav)) {
            return wav;
        }
        Files.createDirectories(dir);
        run(dir, "npm", "pack", "--silent", WHISPER_PACKAGE);
        run(dir, "tar", "xzf", "nodejs-whisper-0.3.1.tgz", JFK_IN_PACKAGE);
        Files.move(dir.resolve(JFK_IN_PACKAGE), wav);
        return wav;
    }

    private static void run(Path dir, String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
