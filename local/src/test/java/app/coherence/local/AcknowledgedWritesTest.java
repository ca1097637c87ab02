package app.coherence.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The write barrier: no answer before an export that began after its write; one export per burst; never stuck. */
class AcknowledgedWritesTest {
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger onDisk = new AtomicInteger();
    private final AtomicInteger exports = new AtomicInteger();

    /** An export copies what is written when it begins, and takes a while. */
    private void export() {
        exports.incrementAndGet();
        int seen = written.get();
        sleep(30);
        onDisk.accumulateAndGet(seen, Math::max);
    }

    @Test
    void awaitPersisted_everyWriteIsOnDiskBeforeItsAnswer_andConcurrentAnswersShareExports() throws Exception {
        AcknowledgedWrites barrier = new AcknowledgedWrites(this::export);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<int[]>> answers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            answers.add(clients.submit(() -> {
                int mine = written.incrementAndGet();
                barrier.awaitPersisted();
                return new int[] {mine, onDisk.get()};
            }));
        }
        for (Future<int[]> answer : answers) {
            int[] seen = answer.get();
            assertThat(seen[1]).as("on disk when write %d was answered", seen[0]).isGreaterThanOrEqualTo(seen[0]);
        }
        clients.shutdown();
        assertThat(exports.get()).as("exports for 64 answers from 16 clients").isLessThan(64);
    }

    @Test
    void awaitPersisted_whenTheExportFails_answersAnyway_andTheNextWriteTriesAgain() {
        AtomicInteger tries = new AtomicInteger();
        AcknowledgedWrites barrier = new AcknowledgedWrites(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("emulator down");
            }
        });

        barrier.awaitPersisted();
        barrier.awaitPersisted();

        assertThat(tries.get()).isEqualTo(2);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
