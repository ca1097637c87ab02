package app.coherence.analysis.speech;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One recognition: the stream is cut at pauses into chunks that are recognised in parallel, each by
 * its own Vosk {@link Recognizer}, and their word times shifted back onto the stream's clock.
 *
 * <p>Memory stays bounded: {@code accept} blocks (backpressure on the decoding thread) while
 * {@code maxInFlight} chunks are queued or being recognised.
 */
public final class VoskSpeechSession implements SpeechSession {
    static final int SAMPLE_RATE = 16_000;
    private static final int FEED = 4_000; // samples per acceptWaveForm call (0.25 s), as a live stream would
    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechSession.class);

    private final Model model;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final PauseSplitter splitter;
    private final List<Future<List<RecognizedWord>>> chunks = new ArrayList<>();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private long samples;
    private long firstSampleNanos;
    private RecognitionStats stats;
    private volatile boolean closed;

    VoskSpeechSession(Model model, ExecutorService pool, int maxInFlight, ChunkPolicy policy) {
        this.model = model;
        this.pool = pool;
        this.inFlight = new Semaphore(maxInFlight);
        this.splitter = new PauseSplitter(SAMPLE_RATE, policy.minSeconds(), policy.maxSeconds(),
                policy.pauseSeconds(), this::submit);
    }

    /** Where chunks are cut: at least {@code minSeconds}, at most {@code maxSeconds}, at pauses of {@code pauseSeconds}. */
    record ChunkPolicy(double minSeconds, double maxSeconds, double pauseSeconds) {
        static final ChunkPolicy DEFAULT = new ChunkPolicy(10, 30, 0.3);
    }

    @Override
    public void accept(short[] samples, int count) {
        if (closed) {
            throw new IllegalStateException("speech session already closed");
        }
        if (this.samples == 0) {
            firstSampleNanos = System.nanoTime();
        }
        this.samples += count;
        splitter.accept(samples, count);
    }

    private void submit(PauseSplitter.Chunk chunk) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the speech recogniser", e);
        }
        mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
        try {
            chunks.add(pool.submit(() -> recognise(chunk)));
        } catch (RuntimeException e) {
            held.decrementAndGet();
            inFlight.release();
            throw e;
        }
    }

    private List<RecognizedWord> recognise(PauseSplitter.Chunk chunk) throws IOException {
        long started = System.nanoTime();
        try (Recognizer recognizer = new Recognizer(model, SAMPLE_RATE)) {
            recognizer.setWords(true);
            double offset = (double) chunk.startSample() / SAMPLE_RATE;
            List<RecognizedWord> words = new ArrayList<>();
            short[] all = chunk.samples();
            for (int from = 0; from < all.length && !closed; from += FEED) {
                short[] piece = Arrays.copyOfRange(all, from, Math.min(all.length, from + FEED));
                if (recognizer.acceptWaveForm(piece, piece.length)) {
                    words.addAll(VoskResult.words(recognizer.getResult(), offset));
                }
            }
            words.addAll(VoskResult.words(recognizer.getFinalResult(), offset));
            return words;
        } finally {
            busyNanos.addAndGet(System.nanoTime() - started);
            held.decrementAndGet();
            inFlight.release();
        }
    }

    @Override
    public List<RecognizedWord> finish() {
        splitter.flush();
        List<RecognizedWord> words = new ArrayList<>();
        try {
            for (Future<List<RecognizedWord>> chunk : chunks) {
                words.addAll(chunk.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recognising speech", e);
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("speech recognition failed", e.getCause() != null ? e.getCause() : e);
        }
        words.sort(Comparator.comparingDouble(RecognizedWord::start));
        double wall = samples == 0 ? 0 : (System.nanoTime() - firstSampleNanos) / 1e9;
        stats = new RecognitionStats((double) samples / SAMPLE_RATE, chunks.size(), mostHeld.get(),
                busyNanos.get() / 1e9, wall);
        LOG.info("Recognised {} words in {} s of audio ({} chunks): recogniser time {} s, real-time factor {}",
                words.size(), String.format("%.1f", stats.audioSeconds()), stats.chunks(),
                String.format("%.1f", stats.busySeconds()), String.format("%.3f", stats.realTimeFactor()));
        return words;
    }

    /** Figures of the finished recognition; null before {@link #finish()}. */
    public RecognitionStats stats() {
        return stats;
    }

    @Override
    public void close() {
        closed = true;
        for (Future<List<RecognizedWord>> chunk : chunks) {
            chunk.cancel(false);
        }
    }
}
