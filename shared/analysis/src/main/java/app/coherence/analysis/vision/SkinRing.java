package app.coherence.analysis.vision;

/**
 * The skin just below and beside the face in one frame: for each sector of a ring hugging the face's
 * lower outline (from the speaker's one ear under the chin to the other), the share that has the
 * face's own skin colour.
 *
 * @param sectors share (0-1) of each sector that is skin, {@link SkinAroundFace#SECTORS} of them, from the image's right side round under the chin to its left
 */
public record SkinRing(double[] sectors) {
    /** No face (or none with landmarks), nothing read. */
    public static final SkinRing NONE = new SkinRing(new double[0]);

    /** True when the ring was read (a face was there). */
    public boolean read() {
        return sectors.length > 0;
    }
}
