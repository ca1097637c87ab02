package app.coherence.analysis.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which videos get one FFmpeg decoding thread and which get FFmpeg's frame threads. */
class DecodingThreadsTest {

    private static MediaInfo video(int width, int height, double fps) {
        return new MediaInfo("mp4", 180, width, height, fps, 1);
    }

    @Test
    void upTo720pAt30Fps_oneThread() {
        assertEquals("1", MediaDecoder.decodingThreads(video(1280, 720, 25)));
        assertEquals("1", MediaDecoder.decodingThreads(video(1280, 720, 30)));
        assertEquals("1", MediaDecoder.decodingThreads(video(720, 1280, 30))); // portrait phone video
        assertEquals("1", MediaDecoder.decodingThreads(video(640, 360, 15)));
    }

    @Test
    void heavierVideo_frameThreads() {
        assertEquals("0", MediaDecoder.decodingThreads(video(1280, 720, 60)));
        assertEquals("0", MediaDecoder.decodingThreads(video(1920, 1080, 30)));
    }

    @Test
    void unknownFrameRate_frameThreads() {
        // a frame rate the container does not state: no evidence the video is light, so FFmpeg decides
        assertEquals("0", MediaDecoder.decodingThreads(video(1280, 720, 0)));
    }
}
