package app.coherence.analysis.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad inputs end to end through the production analyser (real Vosk): each rejected with its code, never a crash. */
class BadInputTest {
    private final CoherenceAnalyzer analyzer = CoherenceAnalyzer.withDefaultSpeech();

    private ErrorCode rejection(Path file) {
        List<String> stages = new ArrayList<>();
        try {
            analyzer.analyze(file, "bad", (stage, percent) -> stages.add(stage));
        } catch (MediaRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(stages).doesNotContain("scoring");
            return e.code();
        }
        throw new AssertionError(file.getFileName() + " was analysed instead of rejected");
    }

    @Test
    void emptyFile_isInvalidMedia() {
        assertThat(rejection(TestTalks.emptyFile())).isEqualTo(ErrorCode.INVALID_MEDIA);
    }

    @Test
    void textRenamedMp4_isInvalidMedia() {
        assertThat(rejection(TestTalks.textAsMp4())).isEqualTo(ErrorCode.INVALID_MEDIA);
    }

    @Test
    void truncatedMp4_isInvalidMedia() {
        assertThat(rejection(TestTalks.truncated())).isEqualTo(ErrorCode.INVALID_MEDIA);
    }

    @Test
    void videoWithoutAudio_isNoAudioTrack() {
        assertThat(rejection(TestTalks.noAudio().file())).isEqualTo(ErrorCode.NO_AUDIO_TRACK);
    }

    @Test
    void audioOnly_isInvalidMedia() {
        assertThat(rejection(TestTalks.audioOnly().file())).isEqualTo(ErrorCode.INVALID_MEDIA);
    }

    /** A silent track is refused with NO_SPEECH: the recogniser invents no words in it, so there is nothing to coach. */
    @Test
    void silentTalk_isNoSpeech() {
        assertThat(rejection(TestTalks.silence().file())).isEqualTo(ErrorCode.NO_SPEECH);
    }
}
