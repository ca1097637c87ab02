package app.coherence.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CI-sized part of the vision corpus (the whole of it: ./coherence eval vision): every bar must hold. */
class VisionEvalTest {
    @Test
    void ciCorpus_meetsEveryBar() throws Exception {
        EvalTable table = new VisionEval().run(EvalSize.CI);
        table.print(System.out);
        assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(table.missedBars()).isEmpty();
    }
}
