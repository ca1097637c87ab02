package app.coherence.analysis.voice;

import app.coherence.analysis.decode.AudioSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the decoded 16 kHz stream into one {@link VoiceFrame} per 50 ms as it arrives: loudness, YIN
 * pitch, spectral change and brightness. Holds only one analysis window of samples.
 */
public final class VoiceFeatureExtractor implements AudioSink {
    public static final double HOP_SECONDS = 0.05;
    private static final int RATE = 16_000;
    private static final int HOP = 800;
    private static final int FFT = 512;
    /** Frames quieter than this are not worth a pitch estimate. */
    private static final double PITCH_FLOOR_DB = -55;
    /** Brightness bands: a nasal's energy sits below 600 Hz, a vowel's formants reach well above. */
    private static final double BRIGHT_FROM_HZ = 600;
    private static final double BRIGHT_TO_HZ = 4000;

    private final Yin yin = new Yin(RATE, 400, 65, 450);
    private final int need = Math.max(yin.span(), FFT);
    private final float[] buffer = new float[need + HOP];
    private int filled;
    private long frameIndex;
    private final List<VoiceFrame> frames = new ArrayList<>();
    private final double[] re = new double[FFT];
    private final double[] im = new double[FFT];
    private final double[] window = new double[FFT];
    private double[] previousSpectrum;

    public VoiceFeatureExtractor() {
        for (int i = 0; i < FFT; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FFT - 1));
        }
    }

    @Override
    public void accept(short[] samples, double startSeconds) {
        for (short s : samples) {
            buffer[filled++] = s / 32768f;
            if (filled == buffer.length) {
                frame();
                System.arraycopy(buffer, HOP, buffer, 0, filled - HOP);
                filled -= HOP;
            }
        }
    }

    /** The frames so far; call after the last audio (the tail shorter than one window is padded with silence). */
    public VoiceTrack finish() {
        while (filled > 0) {
            java.util.Arrays.fill(buffer, filled, buffer.length, 0f);
            frame();
            System.arraycopy(buffer, HOP, buffer, 0, buffer.length - HOP);
            filled -= HOP;
        }
        filled = 0;
        return new VoiceTrack(List.copyOf(frames), HOP_SECONDS);
    }

    private void frame() {
        double sum = 0;
        for (int i = 0; i < HOP; i++) {
            sum += buffer[i] * buffer[i];
        }
        double rms = Math.sqrt(sum / HOP);
        double db = rms <= 1e-5 ? -100 : 20 * Math.log10(rms);
        double pitch = db > PITCH_FLOOR_DB ? yin.pitch(buffer, 0) : 0;
        double[] power = powerSpectrum();
        frames.add(new VoiceFrame(frameIndex * HOP_SECONDS, db, pitch, spectralChange(power), brightness(power)));
        frameIndex++;
    }

    /** Power per FFT bin (0 to 8 kHz) of the Hann-windowed frame. */
    private double[] powerSpectrum() {
        for (int i = 0; i < FFT; i++) {
            re[i] = buffer[i] * window[i];
            im[i] = 0;
        }
        Fft.transform(re, im);
        double[] power = new double[FFT / 2];
        for (int i = 0; i < power.length; i++) {
            power[i] = re[i] * re[i] + im[i] * im[i];
        }
        return power;
    }

    /** Share of the power up to 4 kHz that lies above 600 Hz (DC left out). */
    private static double brightness(double[] power) {
        double low = 0;
        double high = 0;
        for (int i = 1; i < power.length; i++) {
            double hz = (double) i * RATE / FFT;
            if (hz < BRIGHT_FROM_HZ) {
                low += power[i];
            } else if (hz < BRIGHT_TO_HZ) {
                high += power[i];
            }
        }
        return low + high == 0 ? 0 : high / (low + high);
    }

    private double spectralChange(double[] power) {
        double[] spectrum = new double[power.length];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = Math.log1p(1000 * Math.sqrt(power[i]));
        }
        double change = 1;
        if (previousSpectrum != null) {
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int i = 0; i < spectrum.length; i++) {
                dot += spectrum[i] * previousSpectrum[i];
                a += spectrum[i] * spectrum[i];
                b += previousSpectrum[i] * previousSpectrum[i];
            }
            change = a == 0 || b == 0 ? 1 : 1 - dot / Math.sqrt(a * b);
        }
        previousSpectrum = spectrum;
        return change;
    }
}
