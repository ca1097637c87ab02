package app.coherence.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.analysis.vision.VisionAnalyzer;
import app.coherence.analysis.vision.VisionTrack;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDecoderTest {
    private static final AnalysisSettings SETTINGS = AnalysisSettings.DEFAULT;

    @TempDir
    Path dir;

    private DecodedMedia decode(Path file, AnalysisSettings settings, AudioSink audio, FrameSink frames) {
        MediaInfo info = new MediaProbe(settings).probe(file);
        return new MediaDecoder(settings).decode(file, info, audio, frames, s -> { });
    }

    private static ErrorCode rejection(Runnable r) {
        try {
            r.run();
        } catch (MediaRejectedException e) {
            return e.code();
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void decode_mp4_streamsAllAudioAt16kAndSamplesFourFramesPerSecond() {
        Path file = Clips.plain(dir);
        AtomicLong samples = new AtomicLong();
        int[] frames = {0};
        double[] lastFrame = {-1};
        DecodedMedia d = decode(file, SETTINGS, (s, start) -> {
            assertThat(start).isCloseTo(samples.get() / 16_000.0, within(1e-9));
            samples.addAndGet(s.length);
        }, (t, mat) -> {
            assertThat(mat.cols()).isEqualTo(320);
            assertThat(t).isGreaterThan(lastFrame[0]);
            lastFrame[0] = t;
            frames[0]++;
        });
        assertThat(samples.get() / 16_000.0).isCloseTo(6.0, within(0.2));
        assertThat(d.durationSeconds()).isCloseTo(6.0, within(0.2));
        assertThat(d.videoFrames()).isEqualTo(60);
        assertThat(frames[0]).isEqualTo(d.sampledFrames()).isBetween(23, 25);
    }

    @Test
    void decode_movMkvWebmM4v_areAccepted() {
        for (String format : List.of("mov", "matroska", "webm", "m4v")) {
            String extension = format.equals("matroska") ? "mkv" : format;
            Path file = Clips.write(dir.resolve("clip." + extension), format.equals("m4v") ? "mp4" : format, 6, true, true, 220, List.of());
            AtomicLong samples = new AtomicLong();
            DecodedMedia d = decode(file, SETTINGS, (s, start) -> samples.addAndGet(s.length), (t, m) -> { });
            assertThat(samples.get() / 16_000.0).as(format).isCloseTo(6.0, within(0.2));
            assertThat(d.sampledFrames()).as(format).isBetween(23, 25);
        }
    }

    /** Phones store portrait video as landscape pixels and a display rotation; ffmpeg's autorotate was the oracle. */
    @Test
    void decode_rotatedVideo_framesComeUpright() {
        Path file = Clips.write(dir.resolve("phone.mp4"), "mp4", 6, true, true, 220, List.of(), 90);
        int[] checked = {0};
        decode(file, SETTINGS, (s, t) -> { }, (t, mat) -> {
            if (checked[0]++ == 0) {
                assertThat(mat.cols()).isEqualTo(240);
                assertThat(mat.rows()).isEqualTo(320);
                // the white mark drawn top left of the stored picture is bottom left once turned upright
                try (var pixels = mat.<org.bytedeco.javacpp.indexer.UByteIndexer>createIndexer()) {
                    assertThat(pixels.get(315, 5, 0)).isGreaterThan(200);
                    assertThat(pixels.get(5, 5, 0)).isLessThan(200);
                    assertThat(pixels.get(5, 235, 0)).isLessThan(200);
                }
            }
        });
        assertThat(checked[0]).isGreaterThan(20);
    }

    @Test
    void probe_badFiles_areRejectedWithTheirCode() throws IOException {
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.mp4"), "my talk notes\n".repeat(100), StandardCharsets.UTF_8);
        Path whole = Clips.plain(dir);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 3));
        Path noAudio = Clips.write(dir.resolve("mute.mp4"), "mp4", 6, true, false, 0, List.of());
        Path audioOnly = Clips.write(dir.resolve("voice.mp4"), "mp4", 6, false, true, 220, List.of());
        Path tiny = Clips.write(dir.resolve("tiny.mp4"), "mp4", 3, true, true, 220, List.of());
        MediaProbe probe = new MediaProbe(SETTINGS);

        assertThat(rejection(() -> probe.probe(empty))).isEqualTo(ErrorCode.INVALID_MEDIA);
        assertThat(rejection(() -> probe.probe(text))).isEqualTo(ErrorCode.INVALID_MEDIA);
        assertThat(rejection(() -> decode(truncated, SETTINGS, (s, t) -> { }, (t, m) -> { }))).isEqualTo(ErrorCode.INVALID_MEDIA);
        assertThat(rejection(() -> probe.probe(noAudio))).isEqualTo(ErrorCode.NO_AUDIO_TRACK);
        assertThat(rejection(() -> probe.probe(audioOnly))).isEqualTo(ErrorCode.INVALID_MEDIA);
        assertThat(rejection(() -> probe.probe(tiny))).isEqualTo(ErrorCode.TOO_SHORT);
        assertThat(rejection(() -> new MediaProbe(new AnalysisSettings(5, 1, 4, 320)).probe(whole))).isEqualTo(ErrorCode.TOO_LONG);
        assertThatThrownBy(() -> probe.probe(text)).hasMessageContaining("not a readable video");
    }

    @Test
    void vision_slideChanges_foundWithinOneSecondOfTheTruth() {
        List<Double> truth = List.of(2.0, 4.5, 7.2);
        Path file = Clips.write(dir.resolve("slides.mp4"), "mp4", 9, true, true, 220, truth);
        VisionAnalyzer vision = new VisionAnalyzer(0.9);
        decode(file, SETTINGS, (s, t) -> { }, vision);
        VisionTrack track = vision.finish();
        List<Double> found = track.slideChanges();
        assertThat(found).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            assertThat(found.get(i)).isCloseTo(truth.get(i), within(1.0));
        }
        assertThat(track.thumbnail()).isNotNull();
        assertThat(track.thumbnail()[0] & 0xff).isEqualTo(0xFF); // JPEG SOI marker
        assertThat(track.thumbnail()[1] & 0xff).isEqualTo(0xD8);
        assertThat(track.faceVisiblePct()).isZero();
    }
}
