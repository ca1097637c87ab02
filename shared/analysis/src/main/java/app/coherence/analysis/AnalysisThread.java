package app.coherence.analysis;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs an analysis on a thread of its own whose stack is as large as a command-line main thread's.
 * The native decoders and models (FFmpeg, ONNX) need more than the 1 MiB a server's request thread
 * gets: a browser recording (VP9 + Opus) overflowed it and the whole server died (SIGSEGV, no Java
 * error), while the same file analysed fine from the command line. Logging context and interrupts
 * (a cancelled attempt) pass through; whatever the analysis throws is thrown to the caller.
 */
final class AnalysisThread {
    /** Linux's default stack for a main thread (ulimit -s), where the analysis was always fine. */
    static final long STACK_BYTES = 8L * 1024 * 1024;

    private AnalysisThread() {
    }

    static <T> T run(String name, Supplier<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                MDC.clear();
            }
        }, name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt(); // the analysis stops at its next check and ends with its own error
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException("the analysis failed: " + e, e);
        }
        return result.get();
    }
}
