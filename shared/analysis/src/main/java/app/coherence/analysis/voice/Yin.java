package app.coherence.analysis.voice;

/**
 * The YIN pitch estimator (de Cheveigné and Kawahara, 2002): cumulative mean normalised difference,
 * absolute threshold, parabolic interpolation. Plain Java, one instance per thread (it keeps a buffer).
 */
public final class Yin {
    private static final double THRESHOLD = 0.15;
    private static final double VOICED_LIMIT = 0.35;

    private final int sampleRate;
    private final int window;
    private final int minLag;
    private final int maxLag;
    private final double[] diff;

    /** Pitch between {@code minHz} and {@code maxHz}, integrating over {@code window} samples. */
    public Yin(int sampleRate, int window, double minHz, double maxHz) {
        this.sampleRate = sampleRate;
        this.window = window;
        this.minLag = Math.max(2, (int) Math.floor(sampleRate / maxHz));
        this.maxLag = (int) Math.ceil(sampleRate / minHz);
        this.diff = new double[maxLag + 2];
    }

    /** Samples the estimator needs from {@code offset}: window plus the longest lag. */
    public int span() {
        return window + maxLag + 1;
    }

    /** The pitch of {@code x[offset .. offset+span())} in Hz, or 0 when the sound is not periodic. */
    public double pitch(float[] x, int offset) {
        diff[0] = 1;
        double running = 0;
        int found = -1;
        for (int tau = 1; tau <= maxLag + 1; tau++) {
            double d = 0;
            for (int j = offset, end = offset + window; j < end; j++) {
                double delta = x[j] - x[j + tau];
                d += delta * delta;
            }
            running += d;
            diff[tau] = running == 0 ? 1 : d * tau / running;
        }
        for (int tau = minLag; tau <= maxLag; tau++) {
            if (diff[tau] < THRESHOLD) {
                while (tau + 1 <= maxLag && diff[tau + 1] < diff[tau]) {
                    tau++;
                }
                found = tau;
                break;
            }
        }
        if (found < 0) {
            int best = minLag;
            for (int tau = minLag; tau <= maxLag; tau++) {
                if (diff[tau] < diff[best]) {
                    best = tau;
                }
            }
            if (diff[best] > VOICED_LIMIT) {
                return 0;
            }
            found = best;
        }
        double a = diff[found - 1];
        double b = diff[found];
        double c = diff[found + 1];
        double denominator = a - 2 * b + c;
        double shift = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
        return sampleRate / (found + Math.max(-1, Math.min(1, shift)));
    }
}
