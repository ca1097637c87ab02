package app.coherence.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AnalysisThreadTest {

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    /** How deep a recursion gets on a thread with a server request thread's 1 MiB stack. */
    private static int deepestOnOneMebibyte() throws InterruptedException {
        AtomicInteger deepest = new AtomicInteger();
        Thread small = new Thread(null, () -> {
            for (int n = 1_000; ; n *= 2) {
                try {
                    depth(n);
                    deepest.set(n);
                } catch (StackOverflowError e) {
                    return;
                }
            }
        }, "small", 1024 * 1024);
        small.start();
        small.join();
        return deepest.get();
    }

    @Test
    void run_shouldGiveTheWorkFarMoreStackThanAServerThreadHas() throws Exception {
        int tooDeepForAServerThread = 4 * deepestOnOneMebibyte();

        assertThat(AnalysisThread.run("analysis", () -> depth(tooDeepForAServerThread))).isEqualTo(tooDeepForAServerThread);
    }

    @Test
    void run_shouldReturnWhatTheWorkReturnsAndRethrowWhatItThrows() {
        assertThat(AnalysisThread.run("analysis", () -> Thread.currentThread().getName())).isEqualTo("analysis");
        IllegalArgumentException rejected = new IllegalArgumentException("not a talk");
        assertThatThrownBy(() -> AnalysisThread.run("analysis", () -> {
            throw rejected;
        })).isSameAs(rejected);
    }

    @Test
    void run_whenTheCallerIsInterrupted_shouldInterruptTheWorkAndKeepTheFlag() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean workSawIt = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean callerFlag = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                AnalysisThread.run("analysis", () -> {
                    started.countDown();
                    try {
                        Thread.sleep(30_000);
                        return "finished";
                    } catch (InterruptedException e) {
                        workSawIt.set(true);
                        throw new IllegalStateException("cancelled", e);
                    }
                });
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            callerFlag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        started.await();
        caller.interrupt();
        caller.join(10_000);

        assertThat(workSawIt).isTrue();
        assertThat(thrown.get()).hasMessage("cancelled");
        assertThat(callerFlag).isTrue();
    }
}
