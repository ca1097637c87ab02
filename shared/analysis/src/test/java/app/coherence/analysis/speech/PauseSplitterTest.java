package app.coherence.analysis.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PauseSplitterTest {
    private static final int RATE = 16_000;

    /** Loud noise ("speech") for {@code speech} seconds, then digital silence for {@code pause} seconds, repeated. */
    private static short[] bursts(double speech, double pause, int repeats) {
        Random random = new Random(7);
        int period = (int) ((speech + pause) * RATE);
        short[] out = new short[period * repeats];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < (int) (speech * RATE); i++) {
                out[r * period + i] = (short) (random.nextGaussian() * 3000);
            }
        }
        return out;
    }

    private static List<PauseSplitter.Chunk> split(short[] audio, int piece) {
        List<PauseSplitter.Chunk> chunks = new ArrayList<>();
        PauseSplitter splitter = new PauseSplitter(RATE, 10, 30, 0.3, chunks::add);
        for (int from = 0; from < audio.length; from += piece) {
            int n = Math.min(piece, audio.length - from);
            short[] p = new short[n];
            System.arraycopy(audio, from, p, 0, n);
            splitter.accept(p, n);
        }
        splitter.flush();
        return chunks;
    }

    @Test
    void cutsInsidePauses_afterTheMinimumLength() {
        short[] audio = bursts(4, 0.5, 20); // 90 s: 4 s of sound, 0.5 s pauses
        List<PauseSplitter.Chunk> chunks = split(audio, 1_000);

        assertContiguous(chunks, audio);
        for (PauseSplitter.Chunk c : chunks.subList(0, chunks.size() - 1)) {
            double seconds = c.samples().length / (double) RATE;
            assertThat(seconds).isBetween(10.0, 30.0);
            long end = c.startSample() + c.samples().length;
            double inPeriod = (end % (int) (4.5 * RATE)) / (double) RATE;
            assertThat(inPeriod).as("cut at %.2f s into a 4.5 s period falls in the pause", inPeriod).isBetween(4.0, 4.5);
        }
        assertThat(chunks.size()).isBetween(4, 8);
    }

    @Test
    void findsPauses_inANoisyRoom() {
        short[] audio = bursts(4, 0.5, 20);
        Random noise = new Random(11);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (short) (audio[i] + noise.nextGaussian() * 150); // about -26 dB below the speech
        }
        List<PauseSplitter.Chunk> chunks = split(audio, 1_000);

        assertContiguous(chunks, audio);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> {
            double inPeriod = ((c.startSample() + c.samples().length) % (int) (4.5 * RATE)) / (double) RATE;
            assertThat(inPeriod).isBetween(4.0, 4.5);
        });
    }

    @Test
    void cutsAtTheMaximumLength_whenNobodyPauses() {
        short[] audio = bursts(70, 0, 1);
        List<PauseSplitter.Chunk> chunks = split(audio, 4_096);

        assertContiguous(chunks, audio);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).samples().length).isBetween(25 * RATE, 30 * RATE);
    }

    @Test
    void shortStream_isOneChunk() {
        short[] audio = bursts(2, 0.5, 3);
        List<PauseSplitter.Chunk> chunks = split(audio, 333);

        assertThat(chunks).hasSize(1);
        assertContiguous(chunks, audio);
    }

    private static void assertContiguous(List<PauseSplitter.Chunk> chunks, short[] audio) {
        long expectedStart = 0;
        for (PauseSplitter.Chunk c : chunks) {
            assertThat(c.startSample()).isEqualTo(expectedStart);
            for (int i = 0; i < c.samples().length; i++) {
                if (c.samples()[i] != audio[(int) (c.startSample() + i)]) {
                    throw new AssertionError("sample " + (c.startSample() + i) + " differs");
                }
            }
            expectedStart += c.samples().length;
        }
        assertThat(expectedStart).isEqualTo(audio.length);
    }
}
