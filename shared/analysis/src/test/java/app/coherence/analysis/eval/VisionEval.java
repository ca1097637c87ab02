package app.coherence.analysis.eval;

import java.util.List;

/** The vision part of the accuracy corpus (to be filled: talks with scripted or annotated truth). */
public final class VisionEval implements EvalSuite {
    @Override
    public String name() {
        return "vision";
    }

    @Override
    public EvalTable run(EvalSize size) {
        return new EvalTable("vision accuracy", List.of("talk")).missed("vision corpus not built yet");
    }
}
