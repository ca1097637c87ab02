package app.coherence.analysis.score;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.rules.TestTalk;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoherenceScorerTest {

    static Metrics ideal() {
        return new Metrics(90, 1, 0.5, 165, "155-180", new Metrics.Pauses(12, 1.2), new Metrics.VocalVariety(10, 0),
                new Metrics.Gestures(5), 0, new Metrics.Framing(98, 95));
    }

    @Test
    void score_idealDelivery_reaches100() {
        ScoreCard card = new CoherenceScorer().score(ideal(), List.of(), 180);
        assertThat(card.score()).isEqualTo(100);
        assertThat(card.marks().values()).containsOnly(1.0);
    }

    @Test
    void pace_isJudgedOverSpeakingTime_soAWellPacedTalkWithItsPausesIsNotTooFast() {
        // 150 words a minute with pauses in (the usual advice), 11 % of the talk in pauses: 168.5 while speaking
        double speaking = 150 / (1 - 0.11);
        Metrics paced = new Metrics(90, 1, 0.5, speaking, DeliveryTargets.SPEAKING_PACE_TARGET, new Metrics.Pauses(12, 1.2),
                new Metrics.VocalVariety(10, 0), new Metrics.Gestures(5), 0, new Metrics.Framing(98, 95));
        assertThat(new CoherenceScorer().score(paced, List.of(), 180).marks()).containsEntry(ScoreComponent.PACE, 1.0);
        // 130 with pauses in is slow either way: 146 while speaking loses marks
        Metrics slow = new Metrics(90, 1, 0.5, 130 / (1 - 0.11), DeliveryTargets.SPEAKING_PACE_TARGET, new Metrics.Pauses(12, 1.2),
                new Metrics.VocalVariety(10, 0), new Metrics.Gestures(5), 0, new Metrics.Framing(98, 95));
        assertThat(new CoherenceScorer().score(slow, List.of(), 180).marks().get(ScoreComponent.PACE)).isLessThan(1.0);
    }

    @Test
    void score_weightsAddUpToOne_andEachWeakAreaCostsItsWeight() {
        assertThat(java.util.Arrays.stream(ScoreComponent.values()).mapToDouble(ScoreComponent::weight).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        Metrics noEyes = new Metrics(10, 1, 0.5, 165, "155-180", new Metrics.Pauses(12, 1.2), new Metrics.VocalVariety(10, 0),
                new Metrics.Gestures(5), 0, new Metrics.Framing(98, 95));
        assertThat(new CoherenceScorer().score(noEyes, List.of(), 180).score()).isEqualTo(82);
        Metrics fast = new Metrics(90, 1, 0.5, 200, "155-180", new Metrics.Pauses(12, 1.2), new Metrics.VocalVariety(10, 0),
                new Metrics.Gestures(5), 0, new Metrics.Framing(98, 95));
        assertThat(new CoherenceScorer().score(fast, List.of(), 180).score()).isEqualTo(93);
        DissonanceFlag high = new DissonanceFlag("x", FlagType.GAZE_AVERSION, Severity.HIGH, 1, 2, "", "", "", "", "");
        // one HIGH flag in one minute: half the coherence component (0.20) lost
        assertThat(new CoherenceScorer().score(ideal(), List.of(high), 60).score()).isEqualTo(90);
    }

    @Test
    void tiers_atTheirBoundaries() {
        assertThat(ScoreTier.of(100).label()).isEqualTo("Strong");
        assertThat(ScoreTier.of(76).label()).isEqualTo("Strong");
        assertThat(ScoreTier.of(75).label()).isEqualTo("Good Start");
        assertThat(ScoreTier.of(51).label()).isEqualTo("Good Start");
        assertThat(ScoreTier.of(50).label()).isEqualTo("Needs Work");
        assertThat(ScoreTier.of(0).label()).isEqualTo("Needs Work");
    }

    @Test
    void feedback_twoToFourStrengths_threePriorities_deterministic() {
        ScoreCard card = new CoherenceScorer().score(ideal(), List.of(), 180);
        Feedback.Lists best = new Feedback().of(card, ideal(), 0);
        assertThat(best.strengths()).hasSize(4);
        assertThat(best.priorities()).hasSize(3).allMatch(p -> p.startsWith("Keep it up"));
        Metrics poor = new Metrics(0, 30, 10, 0, "155-180", new Metrics.Pauses(0, 0), new Metrics.VocalVariety(0, 60),
                new Metrics.Gestures(0), 0, new Metrics.Framing(0, 0));
        ScoreCard low = new CoherenceScorer().score(poor, List.of(), 60);
        Feedback.Lists worst = new Feedback().of(low, poor, 0);
        assertThat(worst.strengths()).hasSize(2);
        assertThat(worst.priorities()).hasSize(3);
        assertThat(worst.priorities()).anyMatch(p -> p.startsWith("Eye contact: we could not see your face"))
                .anyMatch(p -> p.startsWith("Coherence: without speech"));
        assertThat(new Feedback().of(low, poor, 0)).isEqualTo(worst);
        assertThat(new Feedback().of(low, poor, 0, 2, 1).priorities())
                .anyMatch(p -> p.startsWith("Fillers: 30") && p.endsWith("Also 2 hedges (\"I think\", \"maybe\") and 1 repeated word."));
    }

    @Test
    void assemble_fromFeatures_givesTheDesignShape() {
        AnalysisResult r = CoherenceAnalyzer.assemble("v9", new TestTalk(60).speech(1, 59).gesture(30, 31)
                .say(20, "as you can see").features());
        assertThat(r.videoId()).isEqualTo("v9");
        assertThat(r.pipelineVersion()).isEqualTo(CoherenceAnalyzer.PIPELINE_VERSION);
        assertThat(r.metrics().speakingPaceTarget()).isEqualTo("155-180");
        assertThat(r.metrics().speakingPace()).isBetween(140.0, 160.0);
        assertThat(r.scoreTier()).isEqualTo(ScoreTier.of(r.coherenceScore()));
        assertThat(r.dissonanceFlags()).extracting(DissonanceFlag::type).containsExactly(FlagType.MISSING_GESTURE);
        assertThat(r.timelineHeatmap()).hasSize(12);
        assertThat(r.transcript()).isNotEmpty();
        assertThat(r.strengths()).hasSizeBetween(2, 4);
        assertThat(r.priorities()).hasSize(3);
    }
}
