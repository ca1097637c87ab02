package app.coherence.analysis.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The face, profile and smile detectors shipped inside the opencv jar. CascadeClassifier reads only
 * files, so each model is copied once per JVM to a temporary file; classifiers are not thread-safe, so
 * every vision worker makes its own.
 */
public final class Cascades {
    private static final String ROOT = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";
    static final String FRONTAL = "haarcascades/haarcascade_frontalface_alt2.xml";
    static final String PROFILE = "lbpcascades/lbpcascade_profileface.xml";
    static final String SMILE = "haarcascades/haarcascade_smile.xml";
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private Cascades() {
    }

    public static CascadeClassifier load(String name) {
        Path file = EXTRACTED.computeIfAbsent(name, Cascades::extract);
        CascadeClassifier classifier = new CascadeClassifier(file.toString());
        if (classifier.empty()) {
            throw new IllegalStateException("cannot load the OpenCV cascade " + name);
        }
        return classifier;
    }

    private static Path extract(String name) {
        try (InputStream in = Cascades.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("OpenCV cascade " + name + " missing from the classpath (opencv linux-x86_64 jar)");
            }
            Path file = Files.createTempFile("coherence-cascade-", ".xml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the OpenCV cascade " + name, e);
        }
    }
}
