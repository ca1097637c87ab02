package app.coherence.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI-sized part of {@code ./coherence chaos}: the same faults with 100 stalled uploads instead of
 * 300; every row of the table must be as expected.
 */
class ChaosSuiteTest {

    @TempDir
    Path dir;

    @Test
    void chaos_ciPart_everyFaultIsSurvived() throws Exception {
        ChaosSuite suite = new ChaosSuite();
        boolean ok = suite.run(dir, ChaosSuite.CI_STALLS);
        suite.print();
        // the rows in the message too: CI shows the failure summary, not the table in the test's output file
        assertThat(ok).as("every fault as expected; not as expected:%n%s", suite.notAsExpected()).isTrue();
    }
}
