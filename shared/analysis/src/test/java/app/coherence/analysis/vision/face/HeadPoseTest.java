package app.coherence.analysis.vision.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mesh read off a crop with no real face can collapse to one point; that is no pose, not a failed talk. */
class HeadPoseTest {

    @Test
    void of_shouldGiveNoPose_forCollapsedLandmarks() {
        double[][] mesh = new double[468][];
        for (int i = 0; i < mesh.length; i++) {
            mesh[i] = new double[] {120.0, 80.0, 0.0};
        }

        assertThat(HeadPose.of(mesh, 640)).isNull();
        assertThat(FaceShape.of(mesh, 640)).isNull();
    }
}
