package app.coherence.analysis.testvideo;

import java.util.List;

/**
 * What a {@link FaceScene} shows, as scripted.
 *
 * @param lookAways     turns past the cone and absences, detail = direction (left/right as seen in the picture, up, down, out-of-frame)
 * @param touches       spans with a hand at the face
 * @param eyeContactPct share of the scene facing the camera (0-100)
 * @param smiling       the photo smiles (null: a person could not tell)
 * @param smallFace     the face is a twelfth of the frame high (overlay layout)
 */
public record SceneTruth(String name, double seconds, List<Mark> lookAways, List<Mark> touches, double eyeContactPct,
                         Boolean smiling, boolean smallFace) {
    /** The same truth under another name (the scene remade, its moments unchanged). */
    public SceneTruth named(String other) {
        return new SceneTruth(other, seconds, lookAways, touches, eyeContactPct, smiling, smallFace);
    }

    /** A span in seconds and its detail. */
    public record Mark(double start, double end, String detail) {
    }
}
