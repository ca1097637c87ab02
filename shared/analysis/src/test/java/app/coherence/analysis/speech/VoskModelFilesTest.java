package app.coherence.analysis.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelFilesTest {

    @Test
    void concurrentFirstUses_unpackOneCompleteModel(@TempDir Path cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Path> locate = () -> VoskModelFiles.locate(cache.toString());
            List<Future<Path>> results = pool.invokeAll(List.of(locate, locate));
            Path first = results.get(0).get();
            Path second = results.get(1).get();

            assertThat(first).isEqualTo(second);
            assertThat(VoskModelFiles.isModel(first)).isTrue();
            try (Stream<Path> left = Files.list(cache)) {
                assertThat(left.map(p -> p.getFileName().toString()).toList())
                        .as("no partial unpack left behind").containsExactly("vosk-model-en-0.3.45");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDirectoryHoldingAModel_isUsedAsIs(@TempDir Path cache) {
        Path unpacked = VoskModelFiles.locate(cache.toString());

        assertThat(VoskModelFiles.locate(unpacked.toString())).isEqualTo(unpacked);
    }
}
