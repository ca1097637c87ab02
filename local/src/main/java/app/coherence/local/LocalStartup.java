package app.coherence.local;

import app.coherence.core.json.Json;
import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStore;
import app.coherence.embedded.task.LocalTaskDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.ApplicationEvent;

/**
 * What happens once the server is up: the dispatcher starts, videos a previous run left queued or
 * processing are dispatched again (so a job interrupted by a stop finishes), the scheduled jobs start
 * (the first reservation sweep runs at once), and the runtime file
 * that {@code ./coherence token} reads is written. On stop the runtime file is removed.
 */
public final class LocalStartup implements SmartApplicationListener {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStartup.class);

    private final LocalTaskDispatcher dispatcher;
    private final LocalSettings settings;
    private final LocalAddress address;
    private final ObjectProvider<VideoStore> videos;
    private final LocalScheduler scheduler;
    private final Map<String, Supplier<Object>> runtimeEntries = new LinkedHashMap<>();
    private volatile boolean done;

    public LocalStartup(LocalTaskDispatcher dispatcher, LocalSettings settings, LocalAddress address,
                        ObjectProvider<VideoStore> videos, LocalScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.address = address;
        this.videos = videos;
        this.scheduler = scheduler;
    }

    /** Adds an entry to runtime.json (e.g. the emulator hosts), read when the file is written. */
    public void addRuntimeEntry(String name, Supplier<Object> value) {
        runtimeEntries.put(name, value);
    }

    public boolean isDone() {
        return done;
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationReadyEvent.class.isAssignableFrom(eventType) || ContextClosedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent) {
            started();
        } else if (event instanceof ContextClosedEvent) {
            stopping();
        }
    }

    private void started() {
        dispatcher.start();
        redispatchUnfinished();
        scheduler.start();
        writeRuntimeFile();
        done = true;
        LOG.info("Coherence is running at {} (data in {})", address.baseUrl(), settings.dataPath().toAbsolutePath());
    }

    private void redispatchUnfinished() {
        VideoStore store = videos.getIfAvailable();
        if (store == null) {
            return;
        }
        List<Video> unfinished = null;
        // a freshly started emulator may answer its first query slowly: a few tries before giving up
        // (the scheduler's reconciliation re-enqueues whatever is still unfinished later anyway)
        for (int attempt = 1; unfinished == null; attempt++) {
            try {
                unfinished = store.findUnfinished();
            } catch (CoherenceException e) {
                if (e.code() != ErrorCode.UNAVAILABLE || attempt >= 4) {
                    LOG.warn("unfinished videos not re-dispatched now: {}", e.getMessage());
                    return;
                }
            }
        }
        for (Video video : unfinished) {
            try (var ignored = MDC.putCloseable("videoId", video.videoId()); var ignored2 = MDC.putCloseable("userId", video.userId())) {
                dispatcher.enqueueAnalysis(video.videoId());
                LOG.info("re-dispatched a video left {} by the previous run", video.status().wireName());
            }
        }
    }

    private void writeRuntimeFile() {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("pid", ProcessHandle.current().pid());
        runtime.put("port", address.port());
        runtime.put("baseUrl", address.baseUrl());
        runtime.put("projectId", settings.projectId());
        runtimeEntries.forEach((name, value) -> runtime.put(name, value.get()));
        Path file = settings.runtimeFile();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "runtime", ".tmp");
            Files.write(temp, Json.bytes(runtime));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    private void stopping() {
        done = false;
        try {
            // Only our own file: another run on the same data dir may have replaced it.
            Path file = settings.runtimeFile();
            if (Files.isRegularFile(file) && Files.readString(file).contains("\"pid\":" + ProcessHandle.current().pid() + ",")) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the runtime file: {}", e.getMessage());
        }
    }
}
