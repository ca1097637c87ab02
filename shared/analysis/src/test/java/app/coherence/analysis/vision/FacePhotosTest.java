package app.coherence.analysis.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import app.coherence.analysis.testvideo.ExpressionStill;
import app.coherence.analysis.testvideo.FacePhoto;
import app.coherence.analysis.testvideo.HeadWarp;
import app.coherence.analysis.vision.face.FaceReading;
import app.coherence.analysis.vision.face.FaceTracker;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** The face reader on still pictures from Debian packages, against what a person sees in them. */
class FacePhotosTest {
    @Test
    void smilingAndNeutralFaces_areToldApart() {
        for (FacePhoto photo : FacePhoto.values()) {
            if (photo.smiling() == null) {
                continue;
            }
            try (FaceTracker tracker = new FaceTracker(); Mat picture = photo.picture()) {
                FaceReading face = tracker.read(picture);
                assertThat(face).as("%s: a face", photo).isNotNull();
                assertThat(Smile.of(face)).as("%s smiles (mouth width %.2f, corners %.3f)", photo, face.mouthWidth(), face.cornerLift())
                        .isEqualTo(photo.smiling());
            }
        }
        for (ExpressionStill still : ExpressionStill.values()) {
            try (FaceTracker tracker = new FaceTracker(); Mat picture = still.picture()) {
                FaceReading face = tracker.read(picture);
                assertThat(face).as("%s: a face", still).isNotNull();
                assertThat(Smile.of(face)).as("%s smiles (mouth width %.2f, corners %.3f)", still, face.mouthWidth(), face.cornerLift())
                        .isEqualTo(still.smiling());
            }
        }
    }

    @Test
    void frontalPortraits_lookAtTheCamera_whereThePersonMarkedTheFace() {
        for (FacePhoto photo : new FacePhoto[] {FacePhoto.GRACE_HOPPER, FacePhoto.ASTRONAUT}) {
            try (FaceTracker tracker = new FaceTracker(); Mat picture = photo.picture()) {
                FaceReading face = tracker.read(picture);
                int[] marked = photo.face();
                assertThat(EyeContact.of(face)).as("%s yaw %.1f pitch %.1f", photo, face.yaw(), face.pitch()).isEqualTo(Gaze.CAMERA);
                assertThat(face.centreX()).isCloseTo(marked[0], within(marked[2] * 0.2));
                assertThat(face.centreY()).isCloseTo(marked[1], within(marked[2] * 0.2));
            }
        }
    }

    @Test
    void aFaceATwelfthOfTheFrameHigh_inACornerOfSlides_isFound() {
        FacePhoto photo = FacePhoto.GRACE_HOPPER;
        try (FaceTracker tracker = new FaceTracker(); Mat picture = photo.picture(); Mat frame = new Mat(720, 1280, CV_8UC3, new Scalar(170, 110, 40, 0));
                Mat small = new Mat()) {
            int[] marked = photo.face();
            double scale = 720.0 / 12 / marked[2];
            resize(picture, small, new Size((int) (picture.cols() * scale), (int) (picture.rows() * scale)), 0, 0, INTER_AREA);
            int x = 1280 - small.cols() - 20;
            int y = 720 - small.rows() - 20;
            small.copyTo(new Mat(frame, new Rect(x, y, small.cols(), small.rows())));

            FaceReading face = tracker.read(frame);

            assertThat(face).isNotNull();
            assertThat(face.centreX()).isCloseTo(x + marked[0] * scale, within(15.0));
            assertThat(face.centreY()).isCloseTo(y + marked[1] * scale, within(15.0));
            assertThat(face.height()).isBetween(720 / 12 * 0.6, 720 / 12 * 1.6);
        }
    }

    @Test
    void aHeadTurnedFarWhereItWas_staysFoundFacingAway_notGoneFromTheFrame() {
        // each photo's face ahead, then turned or tipped 60 degrees by the corpus' own warp for a second (4 frames)
        double[][] turns = {{60, 0}, {-60, 0}, {0, 60}};
        for (FacePhoto photo : FacePhoto.values()) {
            int[] marked = photo.face();
            for (double[] turn : turns) {
                try (FaceTracker tracker = new FaceTracker(); Mat picture = photo.picture();
                        Mat turned = HeadWarp.turn(picture, marked[0], marked[1], marked[2] * 0.75, turn[0], turn[1])) {
                    assertThat(EyeContact.of(tracker.read(picture))).as("%s ahead", photo).isEqualTo(Gaze.CAMERA);
                    for (int frame = 0; frame < 4; frame++) {
                        FaceReading face = tracker.read(turned);
                        assertThat(face).as("%s turned %s, frame %d: still in the picture", photo, java.util.Arrays.toString(turn), frame)
                                .isNotNull();
                    }
                }
            }
        }
    }
}
