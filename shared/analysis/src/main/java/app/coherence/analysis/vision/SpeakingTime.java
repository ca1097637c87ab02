package app.coherence.analysis.vision;

import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.language.SpokenWord;
import java.util.ArrayList;
import java.util.List;

/** The spans in which the speaker is talking, from the recognised words: what eye contact is measured over. */
public final class SpeakingTime {
    /** Words closer than this (seconds) belong to one stretch of speech; a longer silence is a pause. */
    static final double JOIN = 1.5;

    private SpeakingTime() {
    }

    public static List<TimeSpan> of(List<SpokenWord> words) {
        List<TimeSpan> out = new ArrayList<>();
        double start = Double.NaN;
        double end = Double.NaN;
        for (SpokenWord w : words) {
            if (!Double.isNaN(end) && w.start() - end <= JOIN) {
                end = Math.max(end, w.end());
                continue;
            }
            if (!Double.isNaN(start)) {
                out.add(new TimeSpan(start, end));
            }
            start = w.start();
            end = w.end();
        }
        if (!Double.isNaN(start)) {
            out.add(new TimeSpan(start, end));
        }
        return List.copyOf(out);
    }
}
