package app.coherence.core.job;

import java.nio.file.Path;
import java.time.Duration;

/** Tunables of the analysis job: how long an attempt's lease lasts, how often progress is written, when to give up. */
public record JobSettings(Duration lease, Duration progressInterval, int maxAttempts, Path workDir) {

    public static JobSettings defaults() {
        return new JobSettings(Duration.ofSeconds(90), Duration.ofMillis(500), 5,
                Path.of(System.getProperty("java.io.tmpdir")));
    }
}
