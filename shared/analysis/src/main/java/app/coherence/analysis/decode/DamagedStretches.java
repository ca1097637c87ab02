package app.coherence.analysis.decode;

import app.coherence.analysis.TimeSpan;
import app.coherence.core.analysis.MediaWarning;
import java.util.List;

/** The warnings a result carries for the stretches of the file that could not be decoded. */
public final class DamagedStretches {

    private DamagedStretches() {
    }

    public static List<MediaWarning> warnings(List<TimeSpan> damaged) {
        return damaged.stream()
                .map(span -> new MediaWarning(MediaWarning.Code.DAMAGED_STRETCH,
                        "the file is damaged from " + clock(span.start()) + " to " + clock(span.end())
                                + ": that stretch could not be decoded and was left out of the analysis",
                        round(span.start()), round(span.end())))
                .toList();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
