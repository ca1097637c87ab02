package app.coherence.analysis.rules;

/** Times as a speaker reads them: m:ss. */
final class Clock {
    private Clock() {
    }

    static String of(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
