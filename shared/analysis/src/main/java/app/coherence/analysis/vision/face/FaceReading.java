package app.coherence.analysis.vision.face;

/**
 * One face read off one frame. Positions in frame pixels; angles in degrees (see {@link HeadPose});
 * shapes as ratios of the distance between the outer eye corners, so they hold at any face size.
 *
 * @param eyes       eyelid opening: mean of both eyes' height over width (about 0.25-0.35 open, under 0.15 shut or looking down)
 * @param mouthWidth corner-to-corner width of the mouth
 * @param mouthOpen  gap between the inner lips
 * @param cornerLift how far the mouth corners sit above the middle of the lips (a smile lifts them)
 * @param landmarks  read off the 468-point mesh; false when only the detector saw the face (turned past what the mesh
 *                   reads): then the pose is a coarse one from its eyes, nose and mouth, and eyes and mouth are NaN (unknown)
 * @param turnedFar  the detector barely sees it where it was a moment ago: turned further than even the coarse pose
 *                   tells (that pose then reads far too small), so it faces away, in the direction the pose leans
 */
public record FaceReading(double centreX, double centreY, double width, double height, double yaw, double pitch,
                          double roll, double eyes, double mouthWidth, double mouthOpen, double cornerLift, boolean landmarks,
                          boolean turnedFar) {
}
