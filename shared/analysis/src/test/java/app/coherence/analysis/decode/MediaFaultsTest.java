package app.coherence.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.analysis.TimeSpan;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.MediaWarning;
import app.coherence.core.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are the user's fault: too small a picture, OpenCV or FFmpeg failing on the content, and
 * garbage written over the middle of a valid file. The first end the analysis at once with a media
 * code; the last completes, naming the damaged stretch, which the test knows from the clean file's
 * packet table (which packets the garbage overwrote, and at what times they play).
 */
class MediaFaultsTest {
    private static final AnalysisSettings SETTINGS = AnalysisSettings.DEFAULT;
    private static final int GARBAGE_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void probe_tinyPictures_areRejectedAsInvalidMedia() {
        for (int side : new int[] {16, 32, 64}) {
            Path file = Clips.sized(dir.resolve("tiny" + side + ".mp4"), 6, side, side);
            Throwable failure = catchThrowable(() -> new MediaProbe(SETTINGS).probe(file));
            assertThat(failure).isInstanceOf(MediaRejectedException.class).hasMessageContaining(side + "x" + side);
            assertThat(((MediaRejectedException) failure).code()).isEqualTo(ErrorCode.INVALID_MEDIA);
        }
        Path smallest = Clips.sized(dir.resolve("ok.mp4"), 6, 128, 96);
        assertThat(new MediaProbe(SETTINGS).probe(smallest).width()).isEqualTo(128);
    }

    @Test
    void classify_openCvErrorOnTheContent_isTheFilesFault_otherFailuresStayOurs() {
        RuntimeException openCv = (RuntimeException) catchThrowable(() -> {
            try (Mat gray = new Mat(8, 8, org.bytedeco.opencv.global.opencv_core.CV_8UC1); Mat out = new Mat()) {
                opencv_imgproc.cvtColor(gray, out, opencv_imgproc.COLOR_BGR2GRAY); // a 1-channel frame where 3 are due
            }
        });
        assertThat(openCv).hasMessageStartingWith("OpenCV(");
        RuntimeException classified = MediaFailures.classify(openCv, "video");
        assertThat(classified).isInstanceOf(MediaRejectedException.class);
        assertThat(((MediaRejectedException) classified).code()).isEqualTo(ErrorCode.INVALID_MEDIA);

        RuntimeException ours = new IllegalStateException("attempt cancelled");
        assertThat(MediaFailures.classify(ours, "video")).isSameAs(ours);
    }

    @Test
    void decode_garbageInTheMiddle_completesAndNamesTheDamagedStretch() throws IOException {
        Path file = Clips.write(dir.resolve("talk.mp4"), "mp4", 30, true, true, 220, List.of(10.0, 20.0));
        TimeSpan truth = DamagedClips.damageMiddle(file, GARBAGE_BYTES);

        AtomicLong samples = new AtomicLong();
        DecodedMedia decoded = new MediaDecoder(SETTINGS).decode(file, new MediaProbe(SETTINGS).probe(file),
                (s, start) -> samples.addAndGet(s.length), (t, frame) -> { }, s -> { });

        assertThat(decoded.damaged()).hasSize(1);
        TimeSpan found = decoded.damaged().get(0);
        // within a frame or two (0.1 s at 10 fps, audio frames of 23 ms) of the overwritten packets' play time
        assertThat(found.start()).isCloseTo(truth.start(), org.assertj.core.data.Offset.offset(0.3));
        assertThat(found.end()).isCloseTo(truth.end(), org.assertj.core.data.Offset.offset(0.3));
        // the lost stretch is filled with silence, so later words keep their true times
        assertThat(samples.get() / (double) MediaDecoder.SAMPLE_RATE).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.2));
        List<MediaWarning> warnings = DamagedStretches.warnings(decoded.damaged());
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(MediaWarning.Code.DAMAGED_STRETCH);
            assertThat(w.message()).contains("damaged from 0:");
        });
    }

    @Test
    void decode_mostlyGarbage_isRejectedAsInvalidMedia() throws IOException {
        Path file = Clips.write(dir.resolve("ruined.mp4"), "mp4", 30, true, true, 220, List.of(10.0));
        long size = Files.size(file);
        DamagedClips.overwrite(file, size / 8, (int) (size * 3 / 4));
        Throwable failure = catchThrowable(() -> new MediaDecoder(SETTINGS).decode(file, new MediaProbe(SETTINGS).probe(file),
                (s, start) -> { }, (t, frame) -> { }, s -> { }));
        assertThat(failure).isInstanceOf(MediaRejectedException.class);
        assertThat(((MediaRejectedException) failure).code()).isEqualTo(ErrorCode.INVALID_MEDIA);
    }
}
