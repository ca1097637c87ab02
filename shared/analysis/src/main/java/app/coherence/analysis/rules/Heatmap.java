package app.coherence.analysis.rules;

import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.HeatPoint;
import java.util.ArrayList;
import java.util.List;

/** The timeline heatmap: one point per 5 s of talk, the strongest flag covering it (HIGH 1, MEDIUM 0.6, LOW 0.3). */
public final class Heatmap {
    static final double STEP = 5;

    private Heatmap() {
    }

    public static List<HeatPoint> of(List<DissonanceFlag> flags, double durationSeconds) {
        List<HeatPoint> out = new ArrayList<>();
        for (double t = 0; t < durationSeconds; t += STEP) {
            double from = t;
            double to = t + STEP;
            double heat = flags.stream()
                    .filter(f -> f.timestamp() < to && Math.max(f.endTimestamp(), f.timestamp() + 0.01) > from)
                    .mapToDouble(f -> switch (f.severity()) {
                        case HIGH -> 1.0;
                        case MEDIUM -> 0.6;
                        case LOW -> 0.3;
                    }).max().orElse(0);
            out.add(new HeatPoint(t, heat));
        }
        return List.copyOf(out);
    }
}
