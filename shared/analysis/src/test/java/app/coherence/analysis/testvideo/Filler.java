package app.coherence.analysis.testvideo;

/**
 * A scripted filled pause. Festival's "um" is heard by recognisers as "am"/"I'm" and has speech-like
 * prosody, so fillers are made by formant synthesis instead: a steady voiced vowel (schwa, F1 600,
 * F2 1200, F3 2500 Hz) at a steady pitch near the SLT voice's (190 Hz, slight vibrato), with a nasal
 * /m/ closing the "um" — what a real hesitation sounds like acoustically.
 */
public enum Filler {
    UM("um", 0.55),
    UH("uh", 0.45);

    private final String word;
    private final double defaultSeconds;

    Filler(String word, double defaultSeconds) {
        this.word = word;
        this.defaultSeconds = defaultSeconds;
    }

    public String word() {
        return word;
    }

    public double defaultSeconds() {
        return defaultSeconds;
    }

    /** The filler's samples at {@link Festival#SAMPLE_RATE}, {@code seconds} long, about as loud as the voice. */
    public short[] synthesise(double seconds) {
        int rate = Festival.SAMPLE_RATE;
        int n = (int) (seconds * rate);
        short[] out = new short[n];
        double f0 = 190;
        double phase = 0;
        int nasalFrom = this == UM ? (int) (n * 0.55) : n;
        double[] vowel = {600, 1200, 2500};
        double[] nasal = {250, 1100, 2300};
        double fade = 0.04 * rate;
        double[] raw = new double[n];
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double f = f0 * (1 + 0.008 * Math.sin(2 * Math.PI * 5 * i / rate));
            phase += 2 * Math.PI * f / rate;
            double[] formants = i < nasalFrom ? vowel : nasal;
            double v = 0;
            for (int k = 1; k * f0 < 4000; k++) {
                double freq = k * f0;
                double gain = 0;
                for (int j = 0; j < formants.length; j++) {
                    double bw = 90 + 30 * j;
                    gain += (j == 0 ? 1.0 : 0.5 / j) / (1 + Math.pow((freq - formants[j]) / bw, 2));
                }
                v += gain / k * Math.sin(k * phase);
            }
            double envelope = Math.min(1, Math.min(i / fade, (n - 1 - i) / fade));
            envelope = 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, envelope));
            if (i >= nasalFrom) {
                v *= 0.6; // a nasal is quieter than the vowel
            }
            raw[i] = v * envelope;
            sumSquares += raw[i] * raw[i];
        }
        double rms = Math.sqrt(sumSquares / Math.max(1, n));
        double scale = rms == 0 ? 0 : 1800 / rms; // about the SLT voice's median frame level
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(raw[i] * scale)));
        }
        return out;
    }
}
