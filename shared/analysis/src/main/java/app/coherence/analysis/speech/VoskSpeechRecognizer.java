package app.coherence.analysis.speech;

import app.coherence.analysis.vad.VoiceActivity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Offline English speech to text with Vosk: word timings and confidences, chunks recognised on a
 * small pool (one lane by default, more when asked). The model (about 70 MB, seconds to load) is loaded once per JVM and
 * shared by every recogniser and session.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer {
    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechRecognizer.class);
    private static final Object MODEL_LOCK = new Object();
    private static volatile Model sharedModel;

    private final ExecutorService pool;
    private final int threads;
    private final VoskSpeechSession.ChunkPolicy policy;

    /**
     * Recognition threads of the production analyser. One: the analysis runs on two cores (Cloud Run's
     * instance, this machine) that decoding and vision already share, so a second lane finished no sooner
     * and cost 20-30 % more recogniser CPU (two decoders contending for the caches; shared/analysis/README.md, "Speed").
     */
    static final int LANES = 1;

    /** {@link #LANES} recognition thread(s), at most one chunk more than that held at once. */
    public VoskSpeechRecognizer() {
        this(LANES);
    }

    /** {@code threads} recognition threads; one more chunk than threads may wait queued. */
    public VoskSpeechRecognizer(int threads) {
        this(threads, VoskSpeechSession.ChunkPolicy.DEFAULT);
    }

    VoskSpeechRecognizer(int threads, VoskSpeechSession.ChunkPolicy policy) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(task, "vosk-" + count.incrementAndGet());
                    t.setDaemon(true); // idle recogniser threads must not keep a CLI or test JVM alive
                    return t;
                });
        executor.allowCoreThreadTimeOut(true); // a dropped recogniser leaves no threads behind
        this.pool = executor;
        this.threads = threads;
        this.policy = policy;
    }

    @Override
    public VoskSpeechSession start() {
        return new VoskSpeechSession(model(), pool, threads, policy, null);
    }

    /** Chunks cut where {@code activity} hears no speech, and chunks without speech never recognised. */
    @Override
    public VoskSpeechSession start(VoiceActivity activity) {
        return new VoskSpeechSession(model(), pool, threads, policy, activity);
    }

    /** Loads the model now (e.g. at service start) instead of at the first recognition. */
    public static void preload() {
        model();
    }

    private static Model model() {
        Model model = sharedModel;
        if (model == null) {
            synchronized (MODEL_LOCK) {
                model = sharedModel;
                if (model == null) {
                    Path dir = VoskModelFiles.locate();
                    long started = System.nanoTime();
                    LibVosk.setLogLevel(LogLevel.WARNINGS);
                    try {
                        model = new Model(dir.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the Vosk model from " + dir, e);
                    }
                    LOG.info("Loaded the Vosk model from {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
                    sharedModel = model;
                }
            }
        }
        return model;
    }
}
