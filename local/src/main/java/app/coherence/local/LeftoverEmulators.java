package app.coherence.local;

import app.coherence.embedded.emulator.EmulatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the emulator processes of a run in the data dir, so that after a hard kill (SIGKILL: no
 * shutdown hook ran) the next start ends the orphans instead of leaving them running forever.
 */
final class LeftoverEmulators {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverEmulators.class);

    private final Path file;

    LeftoverEmulators(Path dataDir) {
        this.file = dataDir.resolve("emulator-pids");
    }

    /** Ends the emulator processes a killed previous run left behind (only processes that are still emulators). */
    void endOrphans() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                long pid;
                try {
                    pid = Long.parseLong(line.strip());
                } catch (NumberFormatException e) {
                    continue;
                }
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverEmulators::isEmulator).ifPresent(p -> {
                    LOG.warn("ending emulator process {} left by a previous run that was killed", p.pid());
                    p.destroyForcibly();
                });
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
        }
    }

    /** Records the process trees of the running emulators. */
    void remember(List<EmulatorProcess> emulators) {
        List<String> pids = new ArrayList<>();
        for (EmulatorProcess emulator : emulators) {
            if (emulator.isRunning()) {
                emulator.processTree().forEach(p -> pids.add(Long.toString(p.pid())));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, pids);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private static boolean isEmulator(ProcessHandle process) {
        Optional<String> command = process.info().commandLine();
        return command.isPresent() && (command.get().contains("emulator") || command.get().contains("firebase"));
    }
}
