package app.coherence.analysis.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/** What the per-frame readings add up to: look-aways, layout, eye contact over speaking time. */
class VisionTrackTest {
    private static List<FrameFeatures> frames(double seconds, double x, double y, double height, DoubleFunction<Gaze> gaze) {
        List<FrameFeatures> out = new ArrayList<>();
        for (int i = 0; i < seconds * 4; i++) {
            double t = i * 0.25;
            Gaze g = gaze.apply(t);
            boolean face = g != Gaze.OUT_OF_FRAME;
            out.add(new FrameFeatures(t, face, g == Gaze.CAMERA, face ? x : Double.NaN, face ? y : Double.NaN, face ? height * 9 / 16 : 0,
                    false, 0, 0, face ? height : 0, g, Double.NaN, Double.NaN, SkinRing.NONE));
        }
        return out;
    }

    @Test
    void lookAways_lastASecondOrMore_withTheirDirection_andABlinkIsNotOne() {
        VisionTrack track = new VisionTrack(frames(20, 0.5, 0.45, 0.4, t -> t >= 3 && t < 5 ? Gaze.DOWN
                : t >= 8 && t < 8.5 ? Gaze.LEFT           // a half-second glance
                : t >= 10 && t < 12.5 ? (t < 11 ? Gaze.RIGHT : Gaze.OUT_OF_FRAME) : t == 15.25 ? Gaze.DOWN : Gaze.CAMERA), null);

        List<LookAway> aways = track.lookAways();

        assertThat(aways).hasSize(2);
        assertThat(aways.get(0).direction()).isEqualTo(Gaze.DOWN);
        assertThat(aways.get(0).start()).isCloseTo(3, within(0.01));
        assertThat(aways.get(0).end()).isCloseTo(5, within(0.01));
        assertThat(aways.get(1).direction()).isEqualTo(Gaze.OUT_OF_FRAME);
        assertThat(aways.get(1).start()).isCloseTo(10, within(0.01));
    }

    @Test
    void aFlickerBackToTheCamera_doesNotSplitALookAway() {
        VisionTrack track = new VisionTrack(frames(10, 0.5, 0.45, 0.4, t -> t >= 2 && t < 5 && t != 3.5 ? Gaze.UP : Gaze.CAMERA), null);

        assertThat(track.lookAways()).singleElement().satisfies(a -> {
            assertThat(a.start()).isCloseTo(2, within(0.01));
            assertThat(a.end()).isCloseTo(5, within(0.01));
        });
    }

    @Test
    void eyeContact_countsOnlySpeakingTime() {
        // facing away only while silent (0-5 s), facing the camera while speaking (5-10 s)
        VisionTrack track = new VisionTrack(frames(10, 0.5, 0.45, 0.4, t -> t < 5 ? Gaze.LEFT : Gaze.CAMERA), null);

        assertThat(track.eyeContactPct(List.of(new TimeSpan(5, 10)))).isEqualTo(100.0);
        assertThat(track.eyeContactPct()).isEqualTo(50.0);
    }

    @Test
    void aSmallFaceInACorner_isAnOverlay_andCountsAsWellPlaced() {
        VisionTrack overlay = new VisionTrack(frames(10, 0.88, 0.85, 1.0 / 12, t -> Gaze.CAMERA), null);
        VisionTrack offCentre = new VisionTrack(frames(10, 0.27, 0.45, 0.35, t -> Gaze.CAMERA), null);

        assertThat(overlay.layout()).isEqualTo(Layout.OVERLAY);
        assertThat(overlay.centredPct()).isEqualTo(100.0);
        assertThat(offCentre.layout()).isEqualTo(Layout.FULL_FRAME);
        assertThat(offCentre.centredPct()).isZero();
    }

    @Test
    void withoutAFaceMostOfTheTime_thereAreNoLookAways() {
        VisionTrack slidesOnly = new VisionTrack(frames(20, 0.5, 0.5, 0.4, t -> t < 2 ? Gaze.CAMERA : Gaze.OUT_OF_FRAME), null);

        assertThat(slidesOnly.lookAways()).isEmpty();
        assertThat(slidesOnly.layout()).isEqualTo(Layout.NO_FACE);
    }

    @Test
    void skinFillingTheRingIsATouch_butNotWhileLeaningBackWhereTheNeckShows() {
        // 30 s facing the camera; under the chin (sector 3) a tenth is usually skin. 8-11 s: a hand fills it, the
        // face as usual. 20-24 s: the speaker leans back (face 28 % smaller) and the neck fills the same sector.
        List<FrameFeatures> out = new ArrayList<>();
        for (int i = 0; i < 30 * 4; i++) {
            double t = i * 0.25;
            boolean hand = t >= 8 && t < 11;
            boolean leaning = t >= 20 && t < 24;
            double height = leaning ? 0.28 : 0.39;
            double[] ring = {0.1, 0.05, 0.05, hand || leaning ? 0.6 : 0.1, 0.05, 0.1};
            out.add(new FrameFeatures(t, true, true, 0.5, 0.6, height * 9 / 16, false, 0, 0, height, Gaze.CAMERA, 5, -10,
                    new SkinRing(ring)));
        }

        List<TimeSpan> touches = new VisionTrack(out, null).faceTouches();

        assertThat(touches).hasSize(1);
        assertThat(touches.get(0).start()).isCloseTo(8, within(0.01));
        assertThat(touches.get(0).end()).isCloseTo(11, within(0.01));
    }

    @Test
    void aHeadHeldOnTheConesEdge_isNoLookAway_butOneThatGoesPastItIs() {
        // 2-5 s: leaning back, the pose reads a degree either side of the 15-degree edge, as landmarks jitter;
        // 10-13 s: the head tips up and reaches 25 degrees (the speaker looks at the ceiling)
        List<FrameFeatures> out = new ArrayList<>();
        for (int i = 0; i < 20 * 4; i++) {
            double t = i * 0.25;
            double pitch = t >= 2 && t < 5 ? (i % 2 == 0 ? -15.6 : -14.6) : t >= 10 && t < 13 ? -15.4 - (t - 10) * 4 : -8;
            boolean frontal = -pitch <= EyeContact.MAX_PITCH_UP;
            out.add(new FrameFeatures(t, true, frontal, 0.5, 0.45, 0.22, false, 0, 0, 0.4, frontal ? Gaze.CAMERA : Gaze.UP, 3, pitch,
                    SkinRing.NONE));
        }

        List<LookAway> aways = new VisionTrack(out, null).lookAways();

        assertThat(aways).singleElement().satisfies(a -> {
            assertThat(a.direction()).isEqualTo(Gaze.UP);
            assertThat(a.start()).isCloseTo(10, within(0.01));
            assertThat(a.end()).isCloseTo(13, within(0.01));
        });
    }

    @Test
    void aSectorThatFlickersAllTalkLong_isNotReadAsAHand_whileAHandInASteadySectorIs() {
        // under the chin (sector 3) a dim neck reads anywhere from 0.05 to 0.85 from frame to frame, all talk long;
        // beside the jaw (sector 1) a hand arrives at 14-17 s
        Random noise = new Random(7);
        List<FrameFeatures> out = new ArrayList<>();
        for (int i = 0; i < 30 * 4; i++) {
            double t = i * 0.25;
            double[] ring = {0.1, t >= 14 && t < 17 ? 0.8 : 0.05, 0.05, 0.05 + 0.8 * noise.nextDouble(), 0.05, 0.1};
            out.add(new FrameFeatures(t, true, true, 0.5, 0.6, 0.22, false, 0, 0, 0.39, Gaze.CAMERA, 5, -10, new SkinRing(ring)));
        }

        List<TimeSpan> touches = new VisionTrack(out, null).faceTouches();

        assertThat(touches).singleElement().satisfies(touch -> {
            assertThat(touch.start()).isCloseTo(14, within(0.01));
            assertThat(touch.end()).isCloseTo(17, within(0.01));
        });
    }
}
