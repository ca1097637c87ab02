package app.coherence.analysis.decode;

import app.coherence.analysis.TimeSpan;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Valid files with garbage written over part of them, and the truth about the damage: the play time of
 * the packets the garbage overwrote, read from the clean file's packet table before it is damaged.
 */
public final class DamagedClips {

    private DamagedClips() {
    }

    /** Writes {@code length} random bytes (fixed seed) over {@code file} from {@code offset}. */
    public static void overwrite(Path file, long offset, int length) {
        byte[] junk = new byte[length];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(junk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites {@code length} bytes in the middle of {@code file}; returns the play time they held (the truth). */
    public static TimeSpan damageMiddle(Path file, int length) {
        try {
            long offset = Files.size(file) / 2;
            TimeSpan truth = playTimeOfBytes(file, offset, offset + length);
            overwrite(file, offset, length);
            return truth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From a clean file's packets: the play time spanned by those whose bytes lie in [from, to). */
    public static TimeSpan playTimeOfBytes(Path file, long from, long to) {
        double first = Double.MAX_VALUE;
        double last = -1;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.pos() >= 0 && p.pos() < to && p.pos() + p.size() > from) {
                    var stream = g.getFormatContext().streams(p.stream_index());
                    double timeBase = stream.time_base().num() / (double) stream.time_base().den();
                    first = Math.min(first, p.pts() * timeBase);
                    last = Math.max(last, (p.pts() + p.duration()) * timeBase);
                }
            }
            g.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TimeSpan(first, last);
    }

    /**
     * {@code source} again at {@code width}x{@code height}, its picture lossless with a key frame every
     * second: a talk of seconds grows to hundreds of KiB, so a 64 KiB stretch of garbage is a small part
     * of it (as in a real recording) and spoils one group of pictures, not the whole file.
     */
    public static Path lossless(Path source, Path target, int width, int height) {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(source.toFile())) {
            in.setImageWidth(width);
            in.setImageHeight(height);
            in.start();
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), width, height, in.getAudioChannels())) {
                out.setFormat("mp4");
                out.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                out.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                out.setVideoOption("qp", "0");
                out.setFrameRate(in.getFrameRate());
                out.setGopSize((int) Math.round(in.getFrameRate()));
                out.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                out.setSampleRate(in.getSampleRate());
                out.setAudioBitrate(128_000);
                out.start();
                Frame frame;
                while ((frame = in.grab()) != null) {
                    out.record(frame);
                }
                out.stop();
            }
            in.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
