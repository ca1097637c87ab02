package app.coherence.analysis.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import app.coherence.analysis.TimeSpan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Voice activity of one 16 kHz stream with Silero VAD, fed in order as the audio is decoded: a speech
 * probability per 32 ms window (512 samples, with the 64 samples before it as context and the model's
 * recurrent state carried over), and at the end the speech spans. Digital silence, once the model has heard enough of
 * it, is called silence without asking the model (padding and noise gates make long stretches of it).
 */
public final class VoiceActivity implements AutoCloseable {
    public static final int SAMPLE_RATE = 16_000;
    /** Samples per decision (32 ms). */
    public static final int WINDOW = 512;
    private static final int CONTEXT = 64;
    /** The model's recurrent state: 2 x 1 x 128 floats. */
    private static final int STATE = 2 * 128;
    /** Speech starts at this probability and ends below the lower one (Silero's own hysteresis). */
    static final double START = 0.5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final double END = 0.35;
    /** A silence shorter than this inside speech does not split it (the gap between two words). */
    static final double MIN_SILENCE_SECONDS = 0.1;
    /** Each span starts this much earlier: the model hears a word's soft onset a window late (its end already lingers, by the hysteresis). */
    static final double PAD_SECONDS = 0.05;
    /** Speech shorter than this is a click or a breath. */
    static final double MIN_SPEECH_SECONDS = 0.1;
    /**
     * A window quieter than this (RMS, -70 dBFS) is digital silence: below any microphone's own noise floor, so only a
     * noise gate or padding makes it, and the model is not asked about it once its state has settled on silence.
     */
    static final float DIGITAL_SILENCE_RMS = 10 / 32768f;
    /** Windows of digital silence the model still hears before the rest are skipped (256 ms: its state has settled by then). */
    static final int SETTLING_WINDOWS = 8;

    private final SileroModel model;
    private final float[] input = new float[CONTEXT + WINDOW];
    private int filled;
    /** Native memory the model reads and writes in place, made once per stream: no tensor or array per window. */
    private final FloatBuffer audioIn = direct(CONTEXT + WINDOW);
    private final FloatBuffer stateIn = direct(STATE);
    private final FloatBuffer stateOut = direct(STATE);
    private final FloatBuffer probabilityOut = direct(1);
    private OnnxTensor audioTensor;
    private Map<String, OnnxTensor> inputs;
    private Map<String, OnnxTensor> outputs;
    private float[] probabilities = new float[1024];
    private int windows;
    private int silentRun;
    private int skipped;
    private long cpuNanos;

    public VoiceActivity(SileroModel model) {
        this.model = model;
    }

    /** A stream judged by the shared Silero model. */
    public static VoiceActivity silero() {
        return new VoiceActivity(SileroModel.shared());
    }

    /** Feeds the next samples; every complete window is judged at once. */
    public void accept(short[] samples, int count) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            input[CONTEXT + filled++] = samples[i] / 32768f;
            if (filled == WINDOW) {
                judge();
                System.arraycopy(input, WINDOW, input, 0, CONTEXT); // the window's tail is the next one's context
                filled = 0;
            }
        }
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    }

    private void judge() {
        silentRun = digitallySilent() ? silentRun + 1 : 0;
        if (silentRun > SETTLING_WINDOWS) {
            record(0f); // the state is left as it was after the settling windows: what the model carries out of silence
            skipped++;
            return;
        }
        try {
            if (inputs == null) {
                open();
            }
            audioIn.clear();
            audioIn.put(input).flip();
            try (OrtSession.Result ignored = model.session().run(inputs, outputs)) {
                // the outputs were written into stateOut and probabilityOut
            }
            stateIn.clear();
            stateIn.put(stateOut.clear()).flip();
            stateOut.clear();
            record(probabilityOut.get(0));
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD failed", e);
        }
    }

    private void record(float probability) {
        if (windows == probabilities.length) {
            probabilities = Arrays.copyOf(probabilities, windows * 2);
        }
        probabilities[windows++] = probability;
    }

    /** True when the window's own samples (not its context) are below {@link #DIGITAL_SILENCE_RMS}. */
    private boolean digitallySilent() {
        double energy = 0;
        for (int i = CONTEXT; i < CONTEXT + WINDOW; i++) {
            energy += input[i] * input[i];
        }
        return Math.sqrt(energy / WINDOW) < DIGITAL_SILENCE_RMS;
    }

    /** Tensors over the stream's direct buffers (ONNX Runtime reads and writes them in place). */
    private void open() throws OrtException {
        var env = model.environment();
        audioTensor = OnnxTensor.createTensor(env, audioIn, new long[] {1, CONTEXT + WINDOW});
        OnnxTensor state = OnnxTensor.createTensor(env, stateIn, new long[] {2, 1, 128});
        inputs = Map.of("input", audioTensor, "state", state, "sr", model.sampleRate());
        outputs = Map.of(model.session().getOutputNames().stream().toList().get(0),
                OnnxTensor.createTensor(env, probabilityOut, new long[] {1, 1}),
                model.session().getOutputNames().stream().toList().get(1),
                OnnxTensor.createTensor(env, stateOut, new long[] {2, 1, 128}));
    }

    /** Frees the stream's tensors (the probabilities stay readable). */
    @Override
    public void close() {
        if (inputs != null) {
            audioTensor.close();
            inputs.get("state").close();
            outputs.values().forEach(OnnxTensor::close);
            inputs = null;
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** CPU seconds spent judging this stream so far (on the threads that fed it). */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** Windows of digital silence judged without the model (probability 0). */
    public int skippedWindows() {
        return skipped;
    }

    /** Samples judged so far (whole windows). */
    public long decidedSamples() {
        return (long) windows * WINDOW;
    }

    /** Speech probability (0-1) of the window holding {@code sample}; 0 past the judged audio. */
    public double probabilityAt(long sample) {
        long w = sample / WINDOW;
        return w < windows ? probabilities[(int) w] : 0;
    }

    /** True when the window holding {@code sample} is clearly not speech. */
    public boolean quietAt(long sample) {
        return probabilityAt(sample) < END;
    }

    /** Speech spans in seconds, with Silero's hysteresis; short gaps bridged and short blips dropped. */
    public List<TimeSpan> speech() {
        double step = (double) WINDOW / SAMPLE_RATE;
        List<TimeSpan> raw = new ArrayList<>();
        int start = -1;
        for (int w = 0; w < windows; w++) {
            double p = probabilities[w];
            if (start < 0 && p >= START) {
                start = w;
            } else if (start >= 0 && p < END) {
                raw.add(new TimeSpan(start * step, w * step));
                start = -1;
            }
        }
        if (start >= 0) {
            raw.add(new TimeSpan(start * step, windows * step));
        }
        raw.removeIf(s -> s.seconds() < MIN_SPEECH_SECONDS);
        List<TimeSpan> merged = new ArrayList<>();
        for (TimeSpan r : raw) {
            TimeSpan s = new TimeSpan(Math.max(0, r.start() - PAD_SECONDS), r.end());
            if (!merged.isEmpty() && s.start() - merged.get(merged.size() - 1).end() < MIN_SILENCE_SECONDS) {
                TimeSpan last = merged.remove(merged.size() - 1);
                merged.add(new TimeSpan(last.start(), s.end()));
            } else {
                merged.add(s);
            }
        }
        return List.copyOf(merged);
    }
}
