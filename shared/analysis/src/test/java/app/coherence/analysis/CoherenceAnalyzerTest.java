package app.coherence.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on generated talks with known truth. Speech is the talk's own script (fillers left
 * out, as recognisers drop them), so what is checked here is decode, voice, vision, rules and score.
 */
class CoherenceAnalyzerTest {

    private static ScriptedSpeech heard(GeneratedTalk talk) {
        return new ScriptedSpeech(talk.words().stream().map(w -> new RecognizedWord(w.word(), w.start(), w.end(), 0.9)).toList());
    }

    @Test
    void analyze_standardTalk_matchesTheTruth() {
        GeneratedTalk talk = TestTalks.standard();
        ScriptedSpeech speech = heard(talk);
        List<String> stages = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
        AnalysisOutput out = new CoherenceAnalyzer(speech, AnalysisSettings.DEFAULT).analyze(talk.file(), "v1", (stage, percent) -> {
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
            }
            percents.add(percent);
        });
        AnalysisResult r = out.result();

        assertThat(speech.samplesHeard() / 16_000.0).isCloseTo(talk.durationSeconds(), within(0.5));
        assertThat(r.durationSeconds()).isCloseTo(talk.durationSeconds(), within(0.5));
        assertThat(stages).containsExactly("decode", "speech", "vision", "scoring");
        assertThat(percents).isSorted().last().isEqualTo(100);
        assertThat(out.thumbnailJpeg()).isNotEmpty();

        // fillers are judged on voices that say them (SpeechEvalTest), not on this generator's synthetic vowel
        assertThat(r.metrics().speakingPace()).isCloseTo(talk.wordsPerMinuteOverSpeakingTime(), within(talk.wordsPerMinuteOverSpeakingTime() * 0.1));
        // only the "as you can see" with neither a slide change nor a gesture is flagged
        List<DissonanceFlag> missing = r.dissonanceFlags().stream().filter(f -> f.type() == FlagType.MISSING_GESTURE).toList();
        GeneratedTalk.Phrase lonely = talk.deicticPhrases().stream().filter(p -> !p.withSlideChange() && !p.withGesture()).findFirst().orElseThrow();
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).timestamp()).isCloseTo(lonely.start(), within(0.1));
        // the face turned away for 3 s while talking
        GeneratedTalk.Span away = talk.faceTurnedAway().get(0);
        assertThat(r.dissonanceFlags()).filteredOn(f -> f.type() == FlagType.GAZE_AVERSION).hasSize(1)
                .first().satisfies(f -> {
                    assertThat(f.timestamp()).isCloseTo(away.start(), within(0.5));
                    assertThat(f.endTimestamp()).isCloseTo(away.end(), within(0.5));
                });
        double facing = 100 * (1 - away.seconds() / talk.durationSeconds());
        assertThat(r.metrics().eyeContact()).isCloseTo(facing, within(3.0));
        assertThat(r.metrics().framing().faceVisiblePct()).isGreaterThan(90);
        assertThat(r.metrics().gestures().perMinute()).isGreaterThan(0);
        assertThat(r.transcript()).isNotEmpty();
        assertThat(r.transcript().stream().flatMap(s -> s.words().stream()).filter(w -> w.filler()).count())
                .isEqualTo(r.metrics().fillerWords());
    }

    /** The analysis job cancels an attempt by throwing from the progress listener: everything must stop. */
    @Test
    void analyze_progressListenerThrows_stopsEveryThreadAndPassesTheExceptionOn() throws InterruptedException {
        GeneratedTalk talk = TestTalks.standard();
        class Cancelled extends RuntimeException {
        }
        try {
            new CoherenceAnalyzer(heard(talk), AnalysisSettings.DEFAULT).analyze(talk.file(), "v4", (stage, percent) -> {
                if (percent >= 20) {
                    throw new Cancelled();
                }
            });
            throw new AssertionError("not cancelled");
        } catch (Cancelled expected) {
            // passed on unchanged
        }
        Thread.sleep(300);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("decode-video", "vision");
    }

    @Test
    void analyze_noFace_givesZeroEyeContactAndAFramingPriority() {
        GeneratedTalk talk = TestTalks.noFace();
        AnalysisResult r = new CoherenceAnalyzer(heard(talk), AnalysisSettings.DEFAULT).analyze(talk.file(), "v2", null).result();
        assertThat(r.metrics().eyeContact()).isZero();
        assertThat(r.metrics().framing().faceVisiblePct()).isLessThan(5);
        assertThat(r.priorities()).anyMatch(p -> p.contains("could not see your face"));
        assertThat(r.dissonanceFlags()).noneMatch(f -> f.type() == FlagType.GAZE_AVERSION);
    }

    @Test
    void analyze_silence_isRejectedAsNoSpeech() {
        GeneratedTalk talk = TestTalks.silence();
        CoherenceAnalyzer analyzer = new CoherenceAnalyzer(new ScriptedSpeech(List.of()), AnalysisSettings.DEFAULT);
        assertThatThrownBy(() -> analyzer.analyze(talk.file(), "v3", null))
                .isInstanceOf(MediaRejectedException.class)
                .satisfies(e -> assertThat(((MediaRejectedException) e).code()).isEqualTo(ErrorCode.NO_SPEECH))
                .hasMessageContaining("no speech");
    }

    @Test
    void analyze_badInputs_rejectedBeforeSpeechStarts() {
        CoherenceAnalyzer analyzer = new CoherenceAnalyzer(() -> {
            throw new AssertionError("speech must not start for a rejected file");
        }, AnalysisSettings.DEFAULT);
        for (var c : List.of(
                new Object[] {TestTalks.emptyFile(), ErrorCode.INVALID_MEDIA},
                new Object[] {TestTalks.textAsMp4(), ErrorCode.INVALID_MEDIA},
                new Object[] {TestTalks.noAudio().file(), ErrorCode.NO_AUDIO_TRACK},
                new Object[] {TestTalks.audioOnly().file(), ErrorCode.INVALID_MEDIA})) {
            try {
                analyzer.analyze((java.nio.file.Path) c[0], "bad", null);
                throw new AssertionError("accepted " + c[0]);
            } catch (MediaRejectedException e) {
                assertThat(e.code()).as(c[0].toString()).isEqualTo(c[1]);
            }
        }
    }
}
