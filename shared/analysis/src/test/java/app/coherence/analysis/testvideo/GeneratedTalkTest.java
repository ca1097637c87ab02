package app.coherence.analysis.testvideo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import app.coherence.analysis.testvideo.GeneratedTalk.Span;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.Test;

/** Checks the generator's own premises, so an accuracy failure points at the pipeline, not the test data. */
class GeneratedTalkTest {

    @Test
    void standardTalk_hasBothStreamsAndConsistentTruth() throws Exception {
        GeneratedTalk talk = TestTalks.standard();

        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(talk.file().toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(320);
            assertThat(g.getImageHeight()).isEqualTo(240);
            assertThat(g.getAudioChannels()).isEqualTo(1);
            assertThat(g.getLengthInTime() / 1e6).isCloseTo(talk.durationSeconds(), within(0.2));
            g.stop();
        }
        assertThat(talk.durationSeconds()).isBetween(55.0, 80.0);
        assertThat(talk.words()).hasSizeGreaterThan(120);
        assertThat(talk.wordsPerMinute()).isBetween(120.0, 180.0);
        assertThat(talk.fillers()).extracting(GeneratedTalk.FillerMark::word).containsExactly("um", "uh", "um");
        for (GeneratedTalk.FillerMark f : talk.fillers()) {
            assertThat(talk.words()).noneMatch(w -> w.end() > f.start() && w.start() < f.end());
        }
        assertThat(talk.slideChanges()).hasSize(3);
        assertThat(talk.deicticPhrases()).extracting(GeneratedTalk.Phrase::text)
                .containsExactly("as you can see", "as you can see", "look at this");
        assertThat(talk.deicticPhrases().get(0).withSlideChange()).isTrue();
        assertThat(talk.deicticPhrases().get(1).withSlideChange()).isFalse();
        assertThat(talk.deicticPhrases().get(1).withGesture()).isFalse();
        assertThat(talk.deicticPhrases().get(2).withGesture()).isTrue();
        assertThat(talk.emphasisWords()).extracting(GeneratedTalk.Phrase::text).containsExactly("really", "important");
        assertThat(talk.transcript()).startsWith("good morning everyone and thank you");
    }

    @Test
    void faceIsFoundWhenFacingTheCamera_andNotWhenTurnedAway() throws Exception {
        GeneratedTalk talk = TestTalks.standard();
        Span away = talk.faceTurnedAway().get(0);
        double facing = talk.slideChanges().get(0) + 1;

        List<Integer> faces = facesAt(talk, List.of(facing, (away.start() + away.end()) / 2));

        assertThat(faces.get(0)).as("faces while facing the camera").isEqualTo(1);
        assertThat(faces.get(1)).as("faces while turned away").isZero();
    }

    @Test
    void noFaceTalk_showsNobody() throws Exception {
        GeneratedTalk talk = TestTalks.noFace();

        assertThat(facesAt(talk, List.of(2.0, 8.0))).containsExactly(0, 0);
        assertThat(talk.faceAbsent().get(0).start()).isZero();
        assertThat(talk.faceAbsent().get(0).end()).isGreaterThanOrEqualTo(talk.durationSeconds());
    }

    @Test
    void streamlessVariants_haveOnlyTheStreamTheySay() throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(TestTalks.noAudio().file().toFile())) {
            g.start();
            assertThat(g.hasVideo()).isTrue();
            assertThat(g.hasAudio()).isFalse();
            g.stop();
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(TestTalks.audioOnly().file().toFile())) {
            g.start();
            assertThat(g.hasVideo()).isFalse();
            assertThat(g.hasAudio()).isTrue();
            g.stop();
        }
    }

    private static List<Integer> facesAt(GeneratedTalk talk, List<Double> times) throws Exception {
        String cascade = Loader.cacheResource(CascadeClassifier.class,
                "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
                .getAbsolutePath();
        List<Integer> counts = new ArrayList<>();
        try (CascadeClassifier classifier = new CascadeClassifier(cascade);
                FFmpegFrameGrabber g = new FFmpegFrameGrabber(new File(talk.file().toString()));
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            g.start();
            for (double t : times) {
                g.setVideoTimestamp((long) (t * 1e6));
                Frame frame = g.grabImage();
                Mat gray = new Mat();
                cvtColor(converter.convert(frame), gray, COLOR_BGR2GRAY);
                RectVector found = new RectVector();
                classifier.detectMultiScale(gray, found);
                counts.add((int) found.size());
            }
            g.stop();
        }
        return counts;
    }
}
