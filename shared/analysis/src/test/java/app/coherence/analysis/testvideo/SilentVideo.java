package app.coherence.analysis.testvideo;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/** Pictures with a silent sound track (the pipeline refuses a video without one), H.264 + AAC in mp4. */
public final class SilentVideo {
    private static final int RATE = 16_000;

    private SilentVideo() {
    }

    public static FFmpegFrameRecorder recorder(Path file, int width, int height, double fps) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 1);
        r.setFormat("mp4");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.setVideoBitrate(width * height * 4);
        r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(RATE);
        r.setAudioBitrate(32_000);
        return r;
    }

    /** One picture and its share of silence. */
    public static void record(FFmpegFrameRecorder r, Frame picture, double fps) throws FrameRecorder.Exception {
        r.record(picture, avutil.AV_PIX_FMT_BGR24);
        r.recordSamples(RATE, 1, ShortBuffer.wrap(new short[(int) Math.round(RATE / fps)]));
    }
}
