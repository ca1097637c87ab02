package app.coherence.analysis.testvideo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The synthetic speakers of the speech corpus: Debian's festival voices (HTS and diphone) and flite's
 * voices, female and male, American and Scottish. Each speaks text at 16 kHz mono, slower on request
 * (festival's {@code Duration_Stretch}, flite's {@code duration_stretch}); results are cached per
 * voice, text and stretch under {@code target/voice-cache}.
 */
public enum Voice {
    /** Female, American, HTS (the voice of the older tests). */
    SLT_HTS(Engine.FESTIVAL, "voice_cmu_us_slt_arctic_hts", "/usr/share/festival/voices/us/cmu_us_slt_arctic_hts", "festvox-us-slt-hts"),
    /** Male, American, diphone. */
    KAL_DIPHONE(Engine.FESTIVAL, "voice_kal_diphone", "/usr/share/festival/voices/english/kal_diphone", "festvox-kallpc16k"),
    /** Male, American, diphone (a deeper voice). */
    KED_DIPHONE(Engine.FESTIVAL, "voice_ked_diphone", "/usr/share/festival/voices/english/ked_diphone", "festvox-kdlpc16k"),
    /** Male, Scottish (flite). */
    AWB(Engine.FLITE, "awb", null, "flite"),
    /** Male, American (flite, 16 kHz diphone). */
    KAL16(Engine.FLITE, "kal16", null, "flite"),
    /** Male, American, low (flite). */
    RMS(Engine.FLITE, "rms", null, "flite"),
    /** Female, American (flite's own build of SLT). */
    SLT_FLITE(Engine.FLITE, "slt", null, "flite");

    /** Sample rate of everything a voice hands back. */
    public static final int SAMPLE_RATE = Festival.SAMPLE_RATE;
    private static final String CACHE_VERSION = "1";

    private enum Engine { FESTIVAL, FLITE }

    private final Engine engine;
    private final String name;
    private final String installedAt;
    private final String aptPackage;

    Voice(Engine engine, String name, String installedAt, String aptPackage) {
        this.engine = engine;
        this.name = name;
        this.installedAt = installedAt;
        this.aptPackage = aptPackage;
    }

    /** Lower-case label for tables ("kal_diphone", "awb"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Fails with a readable message naming the Debian package when this voice is missing. */
    public void requireInstalled() {
        boolean present = engine == Engine.FESTIVAL
                ? Files.isExecutable(Path.of("/usr/bin/festival")) && Files.isDirectory(Path.of(installedAt))
                : Files.isExecutable(Path.of("/usr/bin/flite"));
        if (!present) {
            throw new IllegalStateException("voice " + label() + " is needed for the speech corpus: apt-get install "
                    + (engine == Engine.FESTIVAL ? "festival " : "") + aptPackage);
        }
    }

    /** Speaks {@code text} at normal speed. */
    public short[] speak(String text) {
        return speak(text, 1);
    }

    /** Speaks {@code text} with every sound {@code stretch} times its usual length. */
    public short[] speak(String text, double stretch) {
        Path dir = Path.of("target", "voice-cache").toAbsolutePath();
        Path wav = dir.resolve(sha1(CACHE_VERSION + "|" + name() + "|" + stretch + "|" + text) + ".wav");
        try {
            if (!Files.isRegularFile(wav)) {
                requireInstalled();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "voice", ".wav");
                try {
                    synthesise(text, stretch, tmp, dir);
                    Files.move(tmp, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return Festival.readWav(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(label() + " failed on: " + text, e);
        }
    }

    private void synthesise(String text, double stretch, Path out, Path dir) throws IOException {
        String clean = text.replace("\\", " ").replace("\"", " ");
        List<String> command;
        Path script = null;
        if (engine == Engine.FESTIVAL) {
            script = Files.createTempFile(dir, "voice", ".scm");
            Files.writeString(script, "(" + name + ")\n"
                    + "(Parameter.set 'Duration_Stretch " + stretch + ")\n"
                    + "(set! utt (Utterance Text \"" + clean + "\"))\n"
                    + "(utt.synth utt)\n"
                    + "(utt.wave.resample utt " + SAMPLE_RATE + ")\n"
                    + "(utt.save.wave utt \"" + out + "\" 'riff)\n");
            command = List.of("festival", "--batch", script.toString());
        } else {
            command = List.of("flite", "-voice", name, "--setf", "duration_stretch=" + stretch, "-t", clean, "-o", out.toString());
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0 || Files.size(out) < 100) {
                throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while synthesising", e);
        } finally {
            if (script != null) {
                Files.deleteIfExists(script);
            }
        }
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
