package app.coherence.analysis.speech;

import app.coherence.analysis.vad.VoiceActivity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One recognition: the stream is cut at pauses into chunks, dealt in turn to a few lanes that run in
 * parallel; each lane recognises its chunks in order with one long-lived Vosk {@link Recognizer}, and
 * the word times are mapped back onto the stream's clock.
 *
 * <p>Why lanes and not a recogniser per chunk: a fresh recogniser expands its decoding graph again and
 * re-learns the speaker, which more than doubled the CPU per second of audio. Chunks go to lanes by
 * their index, never by which thread is free, so which recogniser hears a chunk never depends on timing.
 *
 * <p>Memory stays bounded: {@code accept} blocks (backpressure on the decoding thread) while one chunk
 * more than there are lanes is queued or being recognised.
 */
public final class VoskSpeechSession implements SpeechSession {
    static final int SAMPLE_RATE = 16_000;
    private static final int FEED = 4_000; // samples per acceptWaveForm call (0.25 s), as a live stream would
    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechSession.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Model model;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final PauseSplitter splitter;
    private final VoiceActivity activity;
    private final Lane[] lanes;
    private final List<CompletableFuture<List<RecognizedWord>>> chunks = new ArrayList<>();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private long samples;
    private long firstSampleNanos;
    private RecognitionStats stats;
    private volatile boolean closed;

    VoskSpeechSession(Model model, ExecutorService pool, int lanes, ChunkPolicy policy, VoiceActivity activity) {
        this.model = model;
        this.activity = activity;
        this.pool = pool;
        this.inFlight = new Semaphore(lanes + 1);
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane();
        }
        this.splitter = new PauseSplitter(SAMPLE_RATE, policy.minSeconds(), policy.maxSeconds(),
                policy.pauseSeconds(), this::submit, activity);
    }

    /** Where chunks are cut: at least {@code minSeconds}, at most {@code maxSeconds}, at pauses of {@code pauseSeconds}. */
    record ChunkPolicy(double minSeconds, double maxSeconds, double pauseSeconds) {
        static final ChunkPolicy DEFAULT = new ChunkPolicy(10, 30, 0.3);
    }

    /** A recogniser and the chunks it has heard; touched by one pool thread at a time (its chunks run in order). */
    private static final class Lane {
        private Recognizer recognizer;
        private FillerSecondLook fillers;
        /** Samples fed to {@code recognizer}: Vosk counts its word times from its first sample, across results. */
        private long heard;
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
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
        if (activity != null && !hasSpeech(chunk)) {
            return; // silence, music without voice: nothing to recognise, and the recogniser's time saved
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the speech recogniser", e);
        }
        mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
        Lane lane = lanes[chunks.size() % lanes.length];
        try {
            // handle, not then: a chunk runs (and frees its slot) even if the lane's previous chunk failed
            CompletableFuture<List<RecognizedWord>> words = lane.tail.handleAsync((ignored, failure) -> recognise(lane, chunk), pool);
            lane.tail = words;
            chunks.add(words);
        } catch (RuntimeException e) {
            held.decrementAndGet();
            inFlight.release();
            throw e;
        }
    }

    private boolean hasSpeech(PauseSplitter.Chunk chunk) {
        long end = chunk.startSample() + chunk.samples().length;
        for (long s = chunk.startSample(); s < end; s += VoiceActivity.WINDOW) {
            if (!activity.quietAt(s)) {
                return true;
            }
        }
        // the stream's last partial window was never judged: let the recogniser decide
        return end > activity.decidedSamples();
    }

    private List<RecognizedWord> recognise(Lane lane, PauseSplitter.Chunk chunk) {
        long started = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            if (closed) {
                return List.of();
            }
            return feed(lane, chunk);
        } finally {
            busyNanos.addAndGet(System.nanoTime() - started);
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            held.decrementAndGet();
            inFlight.release();
        }
    }

    /** Feeds one chunk to the lane's recogniser and ends it there, so none of its words waits for the next chunk. */
    private List<RecognizedWord> feed(Lane lane, PauseSplitter.Chunk chunk) {
        if (lane.recognizer == null) {
            try {
                lane.recognizer = new Recognizer(model, SAMPLE_RATE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a Vosk recogniser", e);
            }
            lane.recognizer.setWords(true);
            lane.heard = 0;
        }
        // Vosk's time counts from the recogniser's first sample: less what it heard before this chunk
        // is time in the chunk, plus the chunk's start is time in the stream
        double heardBefore = (double) lane.heard / SAMPLE_RATE;
        double chunkStart = (double) chunk.startSample() / SAMPLE_RATE;
        DoubleUnaryOperator toStream = t -> chunkStart + Math.max(0, t - heardBefore);
        short[] all = chunk.samples();
        List<RecognizedWord> words = new ArrayList<>();
        try {
            for (int from = 0; from < all.length && !closed; from += FEED) {
                short[] piece = Arrays.copyOfRange(all, from, Math.min(all.length, from + FEED));
                lane.heard += piece.length;
                if (lane.recognizer.acceptWaveForm(piece, piece.length)) {
                    words.addAll(VoskResult.words(lane.recognizer.getResult(), toStream));
                }
            }
            words.addAll(VoskResult.words(lane.recognizer.getFinalResult(), toStream));
            if (lane.fillers == null) {
                lane.fillers = new FillerSecondLook(model);
            }
            words = lane.fillers.review(words, all, chunkStart, activity);
        } catch (RuntimeException e) {
            lane.recognizer.close(); // its state is unknown: the lane's next chunk starts a fresh one
            lane.recognizer = null;
            throw e;
        }
        return words;
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

    @Override
    public double cpuSeconds() {
        return cpuNanos.get() / 1e9;
    }

    /** Figures of the finished recognition; null before {@link #finish()}. */
    public RecognitionStats stats() {
        return stats;
    }

    /** Stops recognition and frees the recognisers once their running chunk has stopped (each within a quarter second of audio). */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            lane.tail.handle((ignored, failure) -> null).join();
            if (lane.recognizer != null) {
                lane.recognizer.close();
                lane.recognizer = null;
            }
            if (lane.fillers != null) {
                lane.fillers.close();
                lane.fillers = null;
            }
        }
    }
}
