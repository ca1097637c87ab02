package app.coherence.analysis.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard talk recorded "by a camera" (sensor grain on every frame, a phone's bitrate): the
 * thresholds were tuned on clean drawn frames, and noise must not invent motion, hide the face or
 * the slide changes, or cost words.
 */
class CameraGrainAccuracyTest {
    private static GeneratedTalk talk;
    private static AnalysisResult result;

    @BeforeAll
    static void analyseTheGrainyTalk() {
        talk = TestTalks.standardLikeCamera();
        result = CoherenceAnalyzer.withDefaultSpeech().analyze(talk.file(), "grainy", (stage, percent) -> { }).result();
        System.out.printf("grainy talk: pace %.0f wpm, fillers %d, eye contact %.0f%%, gestures %.1f/min, flags %s%n",
                result.metrics().speakingPace(), result.metrics().fillerWords(), result.metrics().eyeContact(),
                result.metrics().gestures().perMinute(),
                result.dissonanceFlags().stream().map(f -> f.type() + "@" + Math.round(f.timestamp())).toList());
    }

    @Test
    void theFaceAndTheTurnAway_areSeenThroughTheGrain() {
        double truth = 100 * (1 - talk.faceHiddenSeconds() / talk.durationSeconds());

        assertThat(result.metrics().eyeContact()).isCloseTo(truth, within(8.0));
        assertThat(result.metrics().framing().faceVisiblePct()).isGreaterThan(90);
    }

    @Test
    void grainIsNotMotion_theOneGestureAndTheSlideChangesStillDecideTheDeicticFlags() {
        List<DissonanceFlag> missing = result.dissonanceFlags().stream()
                .filter(f -> f.type() == FlagType.MISSING_GESTURE).toList();
        GeneratedTalk.Phrase onSlideChange = talk.deicticPhrases().get(0);
        GeneratedTalk.Phrase bare = talk.deicticPhrases().get(1);
        GeneratedTalk.Phrase withGesture = talk.deicticPhrases().get(2);

        assertThat(missing).as("flag at the bare 'as you can see' (%.1f s)", bare.start())
                .anySatisfy(f -> assertThat(f.timestamp()).isCloseTo(bare.start(), within(1.0)));
        assertThat(missing).noneSatisfy(f -> assertThat(f.timestamp()).isCloseTo(onSlideChange.start(), within(2.0)));
        assertThat(missing).noneSatisfy(f -> assertThat(f.timestamp()).isCloseTo(withGesture.start(), within(2.0)));
        assertThat(result.metrics().fidgeting()).as("grain is not fidgeting").isZero();
    }

    @Test
    void wordsAndFillers_areHeardAsOnCleanFrames() {
        List<TranscriptSegment.Word> heard = result.transcript().stream().flatMap(s -> s.words().stream()).toList();
        List<String> words = heard.stream().filter(w -> !w.filler()).map(TranscriptSegment.Word::word).toList();
        List<String> truth = talk.words().stream().map(GeneratedTalk.Word::word).toList();

        assertThat(WordErrors.rate(truth, words)).isLessThan(0.15);
        assertThat(result.metrics().fillerWords()).isBetween(2, 4);
        double pace = talk.wordsPerMinuteOverSpeakingTime();
        assertThat(result.metrics().speakingPace()).isCloseTo(pace, within(pace * 0.10));
    }
}
