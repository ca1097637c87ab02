package app.coherence.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverEmulatorsTest {
    @TempDir
    Path dataDir;

    @Test
    void endOrphans_shouldEndRecordedEmulatorsOnlyAndForgetThem() throws Exception {
        Process orphan = new ProcessBuilder("bash", "-c", "sleep 60; echo fake-pubsub-emulator").start();
        Process bystander = new ProcessBuilder("sleep", "60").start();
        Thread.sleep(200);
        List<ProcessHandle> orphanChildren = orphan.descendants().toList();
        try {
            Files.write(dataDir.resolve("emulator-pids"),
                    List.of(Long.toString(orphan.pid()), Long.toString(bystander.pid()), "not-a-pid", "999999999"));

            new LeftoverEmulators(dataDir).endOrphans();

            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("the orphaned emulator was ended").isTrue();
            assertThat(bystander.isAlive()).as("a process that is no emulator (a reused pid) is left alone").isTrue();
            assertThat(dataDir.resolve("emulator-pids")).doesNotExist();
        } finally {
            orphanChildren.forEach(ProcessHandle::destroyForcibly);
            orphan.destroyForcibly();
            bystander.destroyForcibly();
        }
    }
}
