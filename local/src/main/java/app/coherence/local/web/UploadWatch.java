package app.coherence.local.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One thread that looks at every running upload once a second and ends those too slow or too long. */
final class UploadWatch implements AutoCloseable {
    private final Set<UploadReceiver> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upload-watch");
        t.setDaemon(true);
        return t;
    });

    UploadWatch() {
        timer.scheduleWithFixedDelay(this::checkAll, 1, 1, TimeUnit.SECONDS);
    }

    void add(UploadReceiver receiver) {
        running.add(receiver);
    }

    void remove(UploadReceiver receiver) {
        running.remove(receiver);
    }

    int running() {
        return running.size();
    }

    private void checkAll() {
        long now = System.nanoTime();
        for (UploadReceiver receiver : running) {
            try {
                receiver.check(now);
            } catch (RuntimeException e) {
                // one broken exchange must not stop the watch over the others
                org.slf4j.LoggerFactory.getLogger(UploadWatch.class).warn("upload check failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
