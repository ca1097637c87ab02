package app.coherence.analysis;

/** A stretch of the talk, in seconds. */
public record TimeSpan(double start, double end) {

    public double seconds() {
        return end - start;
    }

    public boolean overlaps(double from, double to) {
        return start < to && end > from;
    }

    /** Seconds this span shares with [from, to). */
    public double overlap(double from, double to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
}
