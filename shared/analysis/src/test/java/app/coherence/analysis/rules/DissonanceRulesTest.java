package app.coherence.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DissonanceRulesTest {

    private static List<DissonanceFlag> flags(TestTalk talk, FlagType type) {
        return new DissonanceRules().find(talk.features()).stream().filter(f -> f.type() == type).toList();
    }

    private static TestTalk lively() {
        return new TestTalk(60).speech(1, 59).gesture(30, 31);
    }

    @Test
    void aLivelyCoherentTalk_hasNoFlags() {
        assertThat(new DissonanceRules().find(lively().features())).isEmpty();
    }

    @Test
    void emotionalMismatch_excitedWordWithFlatFaceAndVoice() {
        TestTalk flat = lively().say(10, "we are thrilled").flatVoice(9, 12).quietVoice(9, 12);
        List<DissonanceFlag> found = flags(flat, FlagType.EMOTIONAL_MISMATCH);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).verbalEvidence()).contains("thrilled");
        assertThat(found.get(0).coaching()).isNotBlank();
        assertThat(found.get(0).timestamp()).isEqualTo(10.8);
        // a smile, or a lively voice, and the words agree with the delivery
        assertThat(flags(lively().say(10, "we are thrilled").flatVoice(9, 12).smile(9, 13), FlagType.EMOTIONAL_MISMATCH)).isEmpty();
        assertThat(flags(lively().say(10, "we are thrilled"), FlagType.EMOTIONAL_MISMATCH)).isEmpty();
    }

    @Test
    void missingGesture_deicticWithoutGestureOrSlideChangeWithin3s() {
        assertThat(flags(lively().say(10, "as you can see"), FlagType.MISSING_GESTURE)).hasSize(1)
                .first().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(flags(lively().say(10, "as you can see").slideChange(12.5), FlagType.MISSING_GESTURE)).isEmpty();
        assertThat(flags(lively().say(10, "look at this").gesture(8, 9), FlagType.MISSING_GESTURE)).isEmpty();
        assertThat(flags(lively().say(10, "look at this").gesture(4, 6), FlagType.MISSING_GESTURE)).hasSize(1);
    }

    @Test
    void pacing_slowWindowsAndMidSentencePause() {
        assertThat(flags(lively(), FlagType.PACING_MISMATCH)).isEmpty();
        // 20-40 s at half speed: words every 0.8 s (75 wpm)
        TestTalk slow = lively().silence(20, 40);
        for (double t = 20; t < 40; t += 0.8) {
            slow.say(t, "slow");
        }
        List<DissonanceFlag> found = flags(slow, FlagType.PACING_MISMATCH);
        assertThat(found).isNotEmpty().allMatch(f -> f.description().contains("dropped"));
        TestTalk paused = lively().say(20, "we sold the").silence(21.2, 25);
        assertThat(flags(paused, FlagType.PACING_MISMATCH)).anyMatch(f -> f.description().contains("middle of a sentence"));
    }

    @Test
    void flatEmphasis_emphasisWordQuieterAndFlatterThanUsual() {
        assertThat(flags(lively().say(10, "this is critical").flatVoice(10.7, 11.3).quietVoice(10.7, 11.3),
                FlagType.FLAT_EMPHASIS)).hasSize(1);
        assertThat(flags(lively().say(10, "this is critical"), FlagType.FLAT_EMPHASIS)).isEmpty();
    }

    @Test
    void gazeAversion_turnedAwayWhileSpeaking_highDuringAKeyPoint() {
        assertThat(flags(lively().turnedAway(20, 23), FlagType.GAZE_AVERSION)).hasSize(1)
                .first().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(flags(lively().turnedAway(20, 23).say(21, "this is crucial"), FlagType.GAZE_AVERSION)).hasSize(1)
                .first().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(flags(lively().turnedAway(20, 21.5), FlagType.GAZE_AVERSION)).isEmpty();
        // a short look-away (1.5 s) is flagged when it covers a key point
        assertThat(flags(lively().turnedAway(20, 21.5).say(20.5, "this is crucial"), FlagType.GAZE_AVERSION)).hasSize(1)
                .first().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        // no face at all: a framing problem, not gaze flags
        assertThat(flags(lively().noFace(), FlagType.GAZE_AVERSION)).isEmpty();
    }

    @Test
    void fillerCluster_threeFillersIn30s() {
        TestTalk three = lively().say(10, "um").say(20, "uh").say(35, "um");
        assertThat(flags(three, FlagType.FILLER_CLUSTER)).hasSize(1)
                .first().satisfies(f -> {
                    assertThat(f.timestamp()).isEqualTo(10.0);
                    assertThat(f.endTimestamp()).isEqualTo(35.3);
                    assertThat(f.verbalEvidence()).isEqualTo("um, uh, um");
                });
        assertThat(flags(lively().say(10, "um").say(45, "uh").say(20, "like"), FlagType.FILLER_CLUSTER)).isEmpty();
    }

    @Test
    void flags_orderedByTime_withStableIds_andHeatmapCoversTheTalk() {
        var features = lively().say(40, "as you can see").say(10, "um").say(12, "uh").say(14, "um").features();
        List<DissonanceFlag> a = new DissonanceRules().find(features);
        List<DissonanceFlag> b = new DissonanceRules().find(features);
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(DissonanceFlag::id).containsExactly("filler-cluster-1", "missing-gesture-2");
        var heat = Heatmap.of(a, 60);
        assertThat(heat).hasSize(12);
        assertThat(heat.get(2).severity()).isEqualTo(0.6);
        assertThat(heat.get(8).severity()).isEqualTo(0.6);
        assertThat(heat.get(5).severity()).isZero();
    }
}
