package app.coherence.analysis.speech;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the English Vosk model on this machine and unpacks it once into a cache directory.
 *
 * <p>The model ships on Maven Central as {@code com.alphacephei:vosk-model-en:0.3.45}, an Android
 * .aar (a zip) holding {@code assets/model-en-us}. Vosk needs a directory, so the aar is unzipped
 * at first use; nothing is ever downloaded at run time. Looked for, in order: the directory
 * {@code COHERENCE_MODEL_DIR} (if it already holds a model), the model's files on the classpath,
 * the aar on the class path, then the aar in the local Maven repository.
 */
public final class VoskModelFiles {
    /** The pinned model version: the .aar has no Maven metadata, so it cannot float. */
    public static final String MODEL_VERSION = "0.3.45";
    static final String ASSET_ROOT = "assets/model-en-us/";
    static final String AAR_NAME = "vosk-model-en-" + MODEL_VERSION + ".aar";
    private static final String MARKER = "conf/model.conf";
    /** The model's files inside the aar (fixed for the pinned version); classpath resources cannot be listed. */
    private static final String[] FILES = {
        "README", "uuid", "am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/Gr.fst", "graph/HCLr.fst",
        "graph/disambig_tid.int", "graph/phones/word_boundary.int", "ivector/final.dubm", "ivector/final.ie",
        "ivector/final.mat", "ivector/global_cmvn.stats", "ivector/online_cmvn.conf", "ivector/splice.conf",
    };
    private static final Logger LOG = LoggerFactory.getLogger(VoskModelFiles.class);

    private VoskModelFiles() {
    }

    /** The model directory, unpacking it into the cache on first use (safe when several JVMs race). */
    public static Path locate() {
        String configured = System.getenv("COHERENCE_MODEL_DIR");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("coherence.model.dir");
        }
        return locate(configured);
    }

    /** As {@link #locate()}, with the configured directory (a model, or where to cache one; null for the default). */
    static Path locate(String configured) {
        Path cacheRoot;
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (isModel(dir)) {
                return dir;
            }
            cacheRoot = dir;
        } else {
            cacheRoot = Path.of(System.getProperty("user.home"), ".cache", "coherence");
        }
        Path target = cacheRoot.resolve("vosk-model-en-" + MODEL_VERSION);
        if (isModel(target)) {
            return target;
        }
        Optional<Path> onDisk = classpathModelDirectory();
        if (onDisk.isPresent()) {
            return onDisk.get();
        }
        if (VoskModelFiles.class.getClassLoader().getResource(ASSET_ROOT + MARKER) != null) {
            return unpack(target, VoskModelFiles::copyFromClasspath, "the classpath");
        }
        Path aar = findAar().orElseThrow(() -> new IllegalStateException(
                "Vosk English model not found: expected com.alphacephei:vosk-model-en:" + MODEL_VERSION
                        + " (aar) on the classpath or in the local Maven repository, or COHERENCE_MODEL_DIR"
                        + " pointing at an unpacked model-en-us directory"));
        return unpack(target, dir -> copyFromAar(aar, dir), aar.toString());
    }

    static boolean isModel(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER)) && Files.isRegularFile(dir.resolve("am/final.mdl"));
    }

    /** When the model's assets sit unpacked in a classpath directory, use them in place. */
    private static Optional<Path> classpathModelDirectory() {
        var url = VoskModelFiles.class.getClassLoader().getResource(ASSET_ROOT + MARKER);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            Path dir = Path.of(url.toURI()).getParent().getParent();
            return isModel(dir) ? Optional.of(dir) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> findAar() {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(AAR_NAME) && Files.isRegularFile(Path.of(entry))) {
                return Optional.of(Path.of(entry));
            }
        }
        String repo = System.getProperty("maven.repo.local");
        Path repoRoot = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path aar = repoRoot.resolve("com/alphacephei/vosk-model-en/" + MODEL_VERSION + "/" + AAR_NAME);
        return Files.isRegularFile(aar) ? Optional.of(aar) : Optional.empty();
    }

    private interface Filler {
        void fill(Path dir) throws IOException;
    }

    /** Unpacks into a private temporary sibling, then renames it into place: the target is complete or absent. */
    private static Path unpack(Path target, Filler filler, String source) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
            try {
                long started = System.nanoTime();
                filler.fill(temp);
                if (!isModel(temp)) {
                    throw new IllegalStateException("no Vosk model inside " + source);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("Unpacked the Vosk model from {} into {} in {} ms", source, target,
                            (System.nanoTime() - started) / 1_000_000);
                } catch (IOException e) {
                    // another process won the race (rename onto its non-empty directory fails);
                    // its copy is complete because it was renamed whole
                    if (!isModel(target)) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Vosk model into " + target, e);
        }
    }

    private static void copyFromAar(Path aar, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(aar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(ASSET_ROOT)) {
                    continue;
                }
                Path out = dir.resolve(entry.getName().substring(ASSET_ROOT.length())).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("unsafe entry in " + aar + ": " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
    }

    private static void copyFromClasspath(Path dir) throws IOException {
        ClassLoader loader = VoskModelFiles.class.getClassLoader();
        for (String file : FILES) {
            try (InputStream in = loader.getResourceAsStream(ASSET_ROOT + file)) {
                if (in == null) {
                    throw new IOException("model file missing from the classpath: " + ASSET_ROOT + file);
                }
                Path out = dir.resolve(file);
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
