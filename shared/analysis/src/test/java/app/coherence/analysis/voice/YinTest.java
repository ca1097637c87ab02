package app.coherence.analysis.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YinTest {
    private static final int RATE = 16_000;

    private static float[] tone(double hz, int n, boolean harmonics) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double p = 2 * Math.PI * hz * i / RATE;
            x[i] = (float) (0.3 * Math.sin(p) + (harmonics ? 0.2 * Math.sin(2 * p + 0.3) + 0.1 * Math.sin(3 * p + 1) : 0));
        }
        return x;
    }

    @Test
    void pitch_sineTones_within2Percent() {
        Yin yin = new Yin(RATE, 400, 65, 450);
        for (double hz : new double[] {80, 110, 147.5, 220, 330, 440}) {
            assertThat(yin.pitch(tone(hz, yin.span(), false), 0)).as("%s Hz", hz).isCloseTo(hz, within(hz * 0.02));
            assertThat(yin.pitch(tone(hz, yin.span(), true), 0)).as("%s Hz with harmonics", hz).isCloseTo(hz, within(hz * 0.02));
        }
    }

    @Test
    void pitch_whiteNoiseAndSilence_areUnvoiced() {
        Yin yin = new Yin(RATE, 400, 65, 450);
        Random random = new Random(7);
        float[] noise = new float[yin.span()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.2);
        }
        assertThat(yin.pitch(noise, 0)).isZero();
        assertThat(yin.pitch(new float[yin.span()], 0)).isZero();
    }

    @Test
    void extractor_toneStream_givesOneFramePer50msWithItsPitchAndLevel() {
        VoiceFeatureExtractor extractor = new VoiceFeatureExtractor();
        float[] x = tone(200, RATE * 2, true);
        short[] s = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (short) (x[i] * 32767);
        }
        for (int from = 0; from < s.length; from += 1000) {
            extractor.accept(java.util.Arrays.copyOfRange(s, from, Math.min(s.length, from + 1000)), from / 16_000.0);
        }
        VoiceTrack track = extractor.finish();
        assertThat(track.frames()).hasSize(40);
        VoiceFrame middle = track.frames().get(20);
        assertThat(middle.time()).isCloseTo(1.0, within(1e-9));
        assertThat(middle.pitchHz()).isCloseTo(200, within(4.0));
        assertThat(middle.loudnessDb()).isCloseTo(20 * Math.log10(Math.sqrt((0.09 + 0.04 + 0.01) / 2)), within(0.5));
    }
}
