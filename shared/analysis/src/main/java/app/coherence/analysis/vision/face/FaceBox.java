package app.coherence.analysis.vision.face;

/** A face the detector found, in frame pixels: its box, its two eyes, nose tip and mouth, and the model's confidence. */
record FaceBox(double centreX, double centreY, double width, double height, double rightEyeX, double rightEyeY,
               double leftEyeX, double leftEyeY, double noseX, double noseY, double mouthX, double mouthY, double score) {
}
