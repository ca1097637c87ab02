package app.coherence.analysis.vision;

/**
 * One sampled frame summarised (positions and sizes as fractions of the frame).
 *
 * @param face      a face was found (frontal or profile)
 * @param frontal   the face looks at the camera (frontal detector hit): the eye-contact proxy
 * @param faceX     face centre, 0 left to 1 right (NaN without a face)
 * @param faceWidth face width over frame width (0 without a face)
 * @param smiling   the smile detector fired inside the face
 * @param motion    share of pixels outside the face that changed since the previous sampled frame
 * @param change    share of all pixels that changed (a slide or scene change when large)
 */
public record FrameFeatures(double time, boolean face, boolean frontal, double faceX, double faceY, double faceWidth,
                            boolean smiling, double motion, double change) {
}
