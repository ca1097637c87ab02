package app.coherence.core.analysis;

import java.util.Objects;

/** One span on the talk's timeline (seconds from the start) where the coach noticed something. */
public record Moment(MomentType type, double start, double end, String detail) {
    public Moment {
        Objects.requireNonNull(type, "type");
        if (end < start) {
            throw new IllegalArgumentException("moment ends before it starts: " + start + " > " + end);
        }
    }

    public double duration() {
        return end - start;
    }

    /** True when the two spans share any time. */
    public boolean overlaps(double otherStart, double otherEnd) {
        return start <= otherEnd && otherStart <= end;
    }
}
