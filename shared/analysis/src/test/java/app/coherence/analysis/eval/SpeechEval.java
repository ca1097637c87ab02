package app.coherence.analysis.eval;

import java.util.List;

/** The speech part of the accuracy corpus (to be filled: talks with scripted or annotated truth). */
public final class SpeechEval implements EvalSuite {
    @Override
    public String name() {
        return "speech";
    }

    @Override
    public EvalTable run(EvalSize size) {
        return new EvalTable("speech accuracy", List.of("talk")).missed("speech corpus not built yet");
    }
}
