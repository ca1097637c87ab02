package app.coherence.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.job.AnalysisEvent;
import app.coherence.core.video.VideoStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No status, error code or event type is spelled as a quoted string in the product's Java code outside
 * its enum: a state compared or written as text escapes the compiler (a typo would compile and never match).
 */
class StatusLiteralsTest {
    /** The repository root, seen from shared/core (where Maven runs this test). */
    private static final Path ROOT = Path.of("..", "..");
    private static final Set<String> ENUM_FILES = Set.of("ErrorCode.java", "VideoStatus.java", "AnalysisEvent.java");

    @Test
    void productCode_shouldSpellNoStatusOrCodeAsAString() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            names.add(code.name());
        }
        for (VideoStatus status : VideoStatus.values()) {
            names.add(status.name());
            names.add(status.wireName());
        }
        for (AnalysisEvent.Type type : AnalysisEvent.Type.values()) {
            if (type == AnalysisEvent.Type.UNKNOWN) {
                continue; // a fallback, and "unknown" is an ordinary word elsewhere (a CloudEvent without a source)
            }
            names.add(type.name());
            names.add(type.wireName());
        }
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Stream.of("shared", "functions").map(ROOT::resolve).flatMap(StatusLiteralsTest::children)) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        roots.add(ROOT.resolve("local/src/main/java"));
        assertThat(roots).as("the modules' sources are found from " + ROOT.toAbsolutePath()).hasSizeGreaterThan(5);

        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (ENUM_FILES.contains(file.getFileName().toString())) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        for (String name : names) {
                            if (lines.get(i).contains("\"" + name + "\"")) {
                                found.add(ROOT.relativize(file) + ":" + (i + 1) + " \"" + name + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("quoted statuses or codes outside their enums").isEmpty();
    }

    private static Stream<Path> children(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
