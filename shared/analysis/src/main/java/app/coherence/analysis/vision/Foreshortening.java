package app.coherence.analysis.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A head tipped far up or down shortens the face it shows (its height by about the cosine of the tip), while the
 * landmark model may still fit a face looking straight ahead onto it and read a small pitch. Frames read as facing
 * the camera whose face is much shorter for its width than the talk's usual are turned into looks up or down.
 */
final class Foreshortening {
    /**
     * A face under this share of the talk's usual height-to-width is tipped 30 degrees or more (cos 30 = 0.87),
     * well past the eye-contact cone; talking, nodding and a real speaker leaning back stayed above 0.91 in the corpus.
     */
    static final double TIPPED = 0.87;

    private Foreshortening() {
    }

    /** The frames with every strongly shortened face that read as facing the camera looking up or down instead. */
    static List<FrameFeatures> judge(List<FrameFeatures> frames) {
        double[] usual = frames.stream().filter(f -> f.frontal() && !Double.isNaN(f.pitch()) && f.faceWidth() > 0)
                .mapToDouble(Foreshortening::aspect).sorted().toArray();
        if (usual.length == 0) {
            return frames;
        }
        double usualAspect = usual[usual.length / 2];
        double[] pitches = frames.stream().filter(f -> f.frontal() && !Double.isNaN(f.pitch())).mapToDouble(FrameFeatures::pitch).toArray();
        Arrays.sort(pitches);
        double usualPitch = pitches[pitches.length / 2];
        List<FrameFeatures> out = new ArrayList<>(frames.size());
        for (FrameFeatures f : frames) {
            if (f.gaze() == Gaze.CAMERA && !Double.isNaN(f.pitch()) && f.faceWidth() > 0 && aspect(f) < TIPPED * usualAspect) {
                Gaze tipped = f.pitch() < usualPitch ? Gaze.UP : Gaze.DOWN;
                out.add(new FrameFeatures(f.time(), f.face(), false, f.faceX(), f.faceY(), f.faceWidth(), f.smiling(), f.motion(),
                        f.change(), f.faceHeight(), tipped, f.yaw(), f.pitch(), f.skinAroundFace()));
            } else {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /** Face height over width, in frame fractions (the frame's own shape is the same for every frame of a talk). */
    private static double aspect(FrameFeatures f) {
        return f.faceHeight() / f.faceWidth();
    }
}
