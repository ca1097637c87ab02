package app.coherence.analysis.decode;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;

/** Opens a file's container headers and rejects what cannot be an analysable talk, before any decoding. */
public final class MediaProbe {
    /** FFmpeg demuxer names of mp4/mov/m4v (one demuxer) and mkv/webm (another). */
    private static final Set<String> CONTAINERS = Set.of("mov", "mp4", "m4a", "matroska", "webm");
    /**
     * Smallest frame side we can coach from: a speaker's face is about a quarter of the frame's height,
     * and below 96 px it is smaller than the face detector's 24 px window.
     */
    static final int MIN_FRAME_SIDE = 96;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL); // broken inputs are reported by us, not by FFmpeg on stderr
        FFmpegLogCallback.setLevel(avutil.AV_LOG_FATAL);
    }

    private final AnalysisSettings settings;

    public MediaProbe(AnalysisSettings settings) {
        this.settings = settings;
    }

    /** Reads the headers; throws {@link MediaRejectedException} for anything that is not a video talk. */
    public MediaInfo probe(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "cannot read the file " + file.getFileName());
        }
        if (size == 0) {
            throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "the file is empty");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
                throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "the file is not a readable video (damaged, cut short, or not a video)");
            }
            String format = grabber.getFormat() == null ? "" : grabber.getFormat();
            boolean known = false;
            for (String name : format.split(",")) {
                known |= CONTAINERS.contains(name.trim());
            }
            if (!known) {
                throw new MediaRejectedException(ErrorCode.INVALID_MEDIA,
                        "unsupported container '" + format + "': upload mp4, mov, m4v, webm or mkv");
            }
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
                throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, "the file has no video track (audio only)");
            }
            if (Math.min(grabber.getImageWidth(), grabber.getImageHeight()) < MIN_FRAME_SIDE) {
                throw new MediaRejectedException(ErrorCode.INVALID_MEDIA, String.format(
                        "the picture is %dx%d pixels: too small to see the speaker (at least %d pixels on each side)",
                        grabber.getImageWidth(), grabber.getImageHeight(), MIN_FRAME_SIDE));
            }
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                throw new MediaRejectedException(ErrorCode.NO_AUDIO_TRACK, "the video has no audio track: we need to hear the talk");
            }
            double duration = Math.max(0, grabber.getLengthInTime() / 1e6);
            if (duration > settings.maxSeconds()) {
                throw tooLong(duration);
            }
            if (duration > 0 && duration < settings.minSeconds()) {
                throw tooShort(duration);
            }
            double fps = grabber.getFrameRate();
            return new MediaInfo(format, duration, grabber.getImageWidth(), grabber.getImageHeight(),
                    fps > 0 && fps <= 240 ? fps : 25, grabber.getAudioChannels());
        } finally {
            try {
                grabber.close();
            } catch (Exception ignored) {
                // nothing was decoded: releasing can only fail on an already broken context
            }
        }
    }

    MediaRejectedException tooLong(double seconds) {
        return new MediaRejectedException(ErrorCode.TOO_LONG, String.format(
                "the video is %.0f s long; the limit is %.0f minutes", seconds, settings.maxSeconds() / 60));
    }

    MediaRejectedException tooShort(double seconds) {
        return new MediaRejectedException(ErrorCode.TOO_SHORT, String.format(
                "the video is only %.1f s long; we need at least %.0f s of talk", seconds, settings.minSeconds()));
    }
}
