package app.coherence.analysis.testvideo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speaks text with Debian's festival and the CMU SLT HTS voice, returning 16 kHz mono samples and
 * festival's own word timings. Results are cached per text under {@code target/festival-cache}.
 */
public final class Festival {
    /** Sample rate of everything festival hands back. */
    public static final int SAMPLE_RATE = 16_000;
    private static final String VOICE = "voice_cmu_us_slt_arctic_hts";
    private static final String CACHE_VERSION = "1";

    /** One spoken word, times in seconds from the start of its sentence's audio. */
    public record SpokenWord(String word, double start, double end) {
    }

    /** A synthesised sentence: samples (16 kHz mono) and its words. */
    public record Speech(short[] samples, List<SpokenWord> words) {
        public double seconds() {
            return (double) samples.length / SAMPLE_RATE;
        }
    }

    private final Path cacheDir;

    public Festival(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** A festival caching under this module's {@code target/festival-cache}. */
    public static Festival inTarget() {
        return new Festival(Path.of("target", "festival-cache").toAbsolutePath());
    }

    /** Fails with a readable message when festival or its SLT voice is not installed. */
    public static void requireInstalled() {
        if (!onPath("festival") || !Files.isDirectory(Path.of("/usr/share/festival/voices/us/cmu_us_slt_arctic_hts"))) {
            throw new IllegalStateException("festival with the SLT HTS voice is needed to generate test videos:"
                    + " apt-get install festival festvox-us-slt-hts");
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Speaks {@code text} (plain words and punctuation). */
    public Speech speak(String text) {
        String key = sha1(CACHE_VERSION + "|" + VOICE + "|" + text);
        Path wav = cacheDir.resolve(key + ".wav");
        Path words = cacheDir.resolve(key + ".words");
        try {
            if (!Files.isRegularFile(wav) || !Files.isRegularFile(words)) {
                synthesise(text, wav, words);
            }
            return new Speech(readWav(wav), readWords(words));
        } catch (IOException e) {
            throw new UncheckedIOException("festival failed on: " + text, e);
        }
    }

    private void synthesise(String text, Path wav, Path words) throws IOException {
        requireInstalled();
        Files.createDirectories(cacheDir);
        Path tmpWav = Files.createTempFile(cacheDir, "speech", ".wav");
        Path script = Files.createTempFile(cacheDir, "speech", ".scm");
        try {
            String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(script, "(" + VOICE + ")\n"
                    + "(set! utt (Utterance Text \"" + escaped + "\"))\n"
                    + "(utt.synth utt)\n"
                    + "(utt.wave.resample utt " + SAMPLE_RATE + ")\n"
                    + "(utt.save.wave utt \"" + tmpWav + "\" 'riff)\n"
                    + "(mapcar (lambda (w) (format t \"W\\t%s\\t%f\\t%f\\n\" (item.name w)"
                    + " (item.feat w \"word_start\") (item.feat w \"word_end\")))"
                    + " (utt.relation.items utt 'Word))\n");
            Process process = new ProcessBuilder("festival", "--batch", script.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("festival did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("festival exited with " + process.exitValue() + ": " + output);
            }
            StringBuilder table = new StringBuilder();
            for (String line : output.split("\n")) {
                if (line.startsWith("W\t")) {
                    table.append(line.substring(2)).append('\n');
                }
            }
            if (table.isEmpty() || Files.size(tmpWav) < 100) {
                throw new IOException("festival produced no speech: " + output);
            }
            // words first, then the wav: the wav's presence marks a complete cache entry
            Path tmpWords = Files.createTempFile(cacheDir, "speech", ".words");
            Files.writeString(tmpWords, table);
            Files.move(tmpWords, words, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpWav, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running festival", e);
        } finally {
            Files.deleteIfExists(tmpWav);
            Files.deleteIfExists(script);
        }
    }

    private static List<SpokenWord> readWords(Path file) throws IOException {
        List<SpokenWord> words = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                words.add(new SpokenWord(f[0].toLowerCase(), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return words;
    }

    /** Reads a 16-bit PCM mono RIFF file as written by festival. */
    static short[] readWav(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        while (b.remaining() >= 8) {
            int id = b.getInt();
            int size = b.getInt();
            if (id == 0x61746164) { // "data"
                short[] samples = new short[Math.min(size, b.remaining()) / 2];
                b.asShortBuffer().get(samples);
                return samples;
            }
            b.position(b.position() + size + (size & 1));
        }
        throw new IOException("no data chunk in " + file);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
