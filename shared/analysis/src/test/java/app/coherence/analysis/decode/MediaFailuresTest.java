package app.coherence.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** Whose fault a decoding failure is: the file's (no retry) or ours (retried). */
class MediaFailuresTest {
    private static final RuntimeException OPENCV = new RuntimeException(
            "OpenCV(4.13.0) /modules/core/src/matrix.cpp:808: error: (-215:Assertion failed) 0 <= roi.x");

    @Test
    void classify_shouldBlameTheFile_forAnOpenCvErrorOnItsContent() {
        RuntimeException classified = MediaFailures.classify(OPENCV, "video");

        assertThat(classified).isInstanceOf(MediaRejectedException.class);
        assertThat(((MediaRejectedException) classified).code()).isEqualTo(ErrorCode.INVALID_MEDIA);
    }

    @Test
    void classify_shouldKeepOurOwnSinkFailure_evenWhenItsCauseIsOpenCv() {
        RuntimeException ours = new SinkFailure("vision", OPENCV);

        assertThat(MediaFailures.classify(ours, "video")).isSameAs(ours);
    }

    @Test
    void classify_shouldPassOtherFailuresThrough() {
        RuntimeException cancelled = new IllegalStateException("attempt cancelled");

        assertThat(MediaFailures.classify(cancelled, "video")).isSameAs(cancelled);
    }
}
