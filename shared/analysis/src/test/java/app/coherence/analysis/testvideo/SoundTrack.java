package app.coherence.analysis.testvideo;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Reads a file's audio back as 16 kHz mono samples (for tests of the recogniser alone). */
public final class SoundTrack {

    private SoundTrack() {
    }

    /** The whole audio track, resampled to 16 kHz mono signed 16-bit. */
    public static short[] read16k(Path file) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleRate(Festival.SAMPLE_RATE);
            grabber.setAudioChannels(1);
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            short[] all = new short[Festival.SAMPLE_RATE * 10];
            int length = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer b = (ShortBuffer) frame.samples[0];
                int n = b.remaining();
                if (length + n > all.length) {
                    all = Arrays.copyOf(all, Math.max(all.length * 2, length + n));
                }
                b.get(all, length, n);
                length += n;
            }
            grabber.stop();
            return Arrays.copyOf(all, length);
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("cannot read the audio of " + file, e);
        }
    }
}
