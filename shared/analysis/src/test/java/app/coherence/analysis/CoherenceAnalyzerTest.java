package app.coherence.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoherenceAnalyzerTest {

    @Test
    void analyze_standardTalk_reportsWhatTheVideoShows() {
        GeneratedTalk talk = TestTalks.standard();
        List<RecognizedWord> heard = talk.words().stream().map(w -> new RecognizedWord(w.word(), w.start(), w.end(), 0.9)).toList();
        ScriptedSpeech speech = new ScriptedSpeech(heard);
        List<String> stages = new ArrayList<>();
        AnalysisOutput out = new CoherenceAnalyzer(speech, AnalysisSettings.DEFAULT)
                .analyze(talk.file(), "v1", (stage, percent) -> stages.add(stage + ":" + percent));
        AnalysisResult r = out.result();
        System.out.println(new app.coherence.analysis.report.JsonReport().render(r));
        System.out.println("truth slides " + talk.slideChanges() + " gestures " + talk.gestures() + " fillers " + talk.fillers()
                + " away " + talk.faceTurnedAway() + " deictic " + talk.deicticPhrases());
        System.out.println(stages);
        assertThat(speech.samplesHeard() / 16_000.0).isCloseTo(talk.durationSeconds(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(out.thumbnailJpeg()).isNotEmpty();
        assertThat(r.dissonanceFlags()).extracting(DissonanceFlag::type).contains(FlagType.MISSING_GESTURE);
    }
}
