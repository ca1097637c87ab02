package app.coherence.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The CI-sized part of the speech corpus (two voices the older tests never used, one festival and one flite,
 * with their own spoken fillers; real LibriVox readings and whisper.cpp's JFK sample) meets every bar.
 */
class SpeechEvalTest {

    @Test
    void ciCorpusMeetsEveryBar() throws Exception {
        EvalTable table = new SpeechEval().run(EvalSize.CI);
        table.print(System.out);
        assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(table.missedBars()).isEmpty();
    }
}
