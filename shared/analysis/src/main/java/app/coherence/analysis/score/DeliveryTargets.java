package app.coherence.analysis.score;

/**
 * The one place for the target bands a delivery is measured against. A value inside its band scores
 * full marks; outside, the score falls linearly to zero at the "zero" bound.
 */
public final class DeliveryTargets {
    /** Share of sampled frames facing the camera (%): full marks from 70, none at 20. */
    public static final double EYE_CONTACT_FULL = 70;
    public static final double EYE_CONTACT_ZERO = 20;
    /** Fillers per minute: full marks up to 2, none from 10. */
    public static final double FILLERS_FULL = 2;
    public static final double FILLERS_ZERO = 10;
    /**
     * A talk's pace with its pauses in (the 20-second windows, the pace chart): the usual advice for a talk,
     * full marks in 140-160, none at 100 or 200.
     */
    public static final double PACE_LOW = 140;
    public static final double PACE_HIGH = 160;
    public static final double PACE_ZERO_LOW = 100;
    public static final double PACE_ZERO_HIGH = 200;
    public static final String PACE_TARGET = "140-160";
    /**
     * The share of a well-paced talk spent in pauses of half a second or more, which the speaking pace leaves out:
     * the same delivery reads 10-15 % faster over speaking time than with its pauses in.
     */
    static final double PAUSED_SHARE = 0.1;
    /**
     * The reported speaking pace (pauses left out) and its score: the talk band above with its pauses taken out,
     * so a speaker inside 140-160 is not told to slow down. Full marks in 155-180, none at 110 or 220.
     */
    public static final double SPEAKING_PACE_LOW = roundTo5(PACE_LOW / (1 - PAUSED_SHARE));
    public static final double SPEAKING_PACE_HIGH = roundTo5(PACE_HIGH / (1 - PAUSED_SHARE));
    public static final double SPEAKING_PACE_ZERO_LOW = roundTo5(PACE_ZERO_LOW / (1 - PAUSED_SHARE));
    public static final double SPEAKING_PACE_ZERO_HIGH = roundTo5(PACE_ZERO_HIGH / (1 - PAUSED_SHARE));
    public static final String SPEAKING_PACE_TARGET = Math.round(SPEAKING_PACE_LOW) + "-" + Math.round(SPEAKING_PACE_HIGH);
    /**
     * A 20-second pace window (pauses in) is flagged only this far outside the talk band: one window's estimate
     * wobbles, and slow speech costs listeners less than fast. Fast above the severe bound is a HIGH flag.
     */
    public static final double PACE_FLAG_FAST = PACE_HIGH + 10;
    public static final double PACE_FLAG_SLOW = PACE_LOW - 20;
    public static final double PACE_FLAG_FAST_SEVERE = PACE_ZERO_HIGH - 10;
    /** Pitch range (semitones): full marks from 8, none at 3. */
    public static final double PITCH_RANGE_FULL = 8;
    public static final double PITCH_RANGE_ZERO = 3;
    /** Gestures per minute: full marks in 2-12; none at 0; half at 24 (restless). */
    public static final double GESTURES_LOW = 2;
    public static final double GESTURES_HIGH = 12;
    public static final double GESTURES_HALF = 24;
    /** Each fidget per minute costs this much of the gesture score (at most half). */
    public static final double FIDGET_COST = 0.1;
    /** Face visible (%): full from 90, none at 50; centred (%): full from 80, none at 40. */
    public static final double FACE_FULL = 90;
    public static final double FACE_ZERO = 50;
    public static final double CENTRED_FULL = 80;
    public static final double CENTRED_ZERO = 40;
    /** Flag weight per minute of talk at which the coherence component reaches zero. */
    public static final double FLAGS_ZERO_PER_MINUTE = 1.0;
    public static final double FLAG_HIGH = 0.5;
    public static final double FLAG_MEDIUM = 0.25;
    public static final double FLAG_LOW = 0.1;

    private DeliveryTargets() {
    }

    private static double roundTo5(double wpm) {
        return Math.round(wpm / 5) * 5.0;
    }
}
