package app.coherence.analysis.vision.face;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Head pose from the face mesh: {@code solvePnP} of rigid landmarks (forehead, nose ridge, eye corners,
 * cheeks) against MediaPipe's canonical face (canonical_mesh of geometry_pipeline_metadata_landmarks,
 * centimetres, y up, z towards the viewer). The camera's centre is put on the face, so a face in a corner
 * overlay that looks into its own webcam reads as facing the camera.
 */
final class HeadPose {
    /** Mesh indices of points that do not move when the speaker talks or frowns (the jaw is left out, the chin kept for pitch). */
    private static final int[] IDS = {10, 151, 9, 8, 168, 6, 197, 195, 5, 4, 1, 33, 133, 263, 362, 234, 454, 127, 356, 93, 323,
        98, 327, 129, 358, 152};
    private static final double[][] CANONICAL = {
        {0.0000, 8.2618, 4.4815}, {0.0000, 6.5454, 5.0273}, {0.0000, 4.8860, 5.3853}, {0.0000, 4.0190, 5.2848},
        {0.0000, 3.2710, 5.2360}, {0.0000, 2.4733, 5.7886}, {0.0000, 1.7284, 6.3168}, {0.0000, 1.0594, 6.7746},
        {0.0000, 0.3657, 7.2429}, {0.0000, -0.4632, 7.5866}, {0.0000, -1.1269, 7.4756}, {-4.4459, 2.6640, 3.1734},
        {-1.8564, 2.5852, 3.7579}, {4.4459, 2.6640, 3.1734}, {1.8564, 2.5852, 3.7579}, {-7.6642, 0.6731, -2.4359},
        {7.6642, 0.6731, -2.4359}, {-7.7431, 2.3650, -2.0052}, {7.7431, 2.3650, -2.0052}, {-7.5422, -1.0493, -2.4313},
        {7.5422, -1.0493, -2.4313}, {-1.4056, -1.7142, 5.2411}, {1.4056, -1.7142, 5.2411}, {-1.7858, -0.9783, 4.8505},
        {1.7858, -0.9783, 4.8505}, {0.0000, -9.4034, 4.2645}};

    private HeadPose() {
    }

    /** Rigid points closer together than this are no face a pose can be read from (a collapsed mesh). */
    private static final double MIN_SPREAD_PX = 2;

    /**
     * {yaw, pitch, roll} in degrees: yaw positive when the face turns to the image's right (the speaker's
     * left), pitch positive when it tips down, roll positive when the head leans to the image's right.
     *
     * @param mesh   468 x {x, y} in frame pixels
     * @param focal  the camera's focal length in pixels (the frame's width: a webcam's field of view)
     * @return yaw, pitch, roll in degrees, or null when the landmarks are too degenerate for a pose
     */
    static double[] of(double[][] mesh, double focal) {
        double cx = 0;
        double cy = 0;
        for (int id : IDS) {
            cx += mesh[id][0];
            cy += mesh[id][1];
        }
        cx /= IDS.length;
        cy /= IDS.length;
        double spread = 0;
        for (int id : IDS) {
            spread = Math.max(spread, Math.hypot(mesh[id][0] - cx, mesh[id][1] - cy));
        }
        if (spread < MIN_SPREAD_PX) {
            return null;
        }
        try (Mat object = new Mat(IDS.length, 1, CV_64FC3); Mat image = new Mat(IDS.length, 1, CV_64FC2);
                Mat camera = new Mat(3, 3, CV_64F); Mat distortion = new Mat(); Mat rvec = new Mat(); Mat tvec = new Mat();
                Mat rotation = new Mat()) {
            try (DoubleIndexer o = object.createIndexer(); DoubleIndexer p = image.createIndexer(); DoubleIndexer k = camera.createIndexer()) {
                for (int i = 0; i < IDS.length; i++) {
                    // object axes as the camera's: x right, y down, z away from the camera
                    o.put(i, 0, 0, CANONICAL[i][0]);
                    o.put(i, 0, 1, -CANONICAL[i][1]);
                    o.put(i, 0, 2, -CANONICAL[i][2]);
                    p.put(i, 0, 0, mesh[IDS[i]][0] - cx);
                    p.put(i, 0, 1, mesh[IDS[i]][1] - cy);
                }
                k.put(0, 0, focal);
                k.put(1, 1, focal);
                k.put(2, 2, 1.0);
            }
            try {
                solvePnP(object, image, camera, distortion, rvec, tvec, false, SOLVEPNP_ITERATIVE);
            } catch (RuntimeException degenerate) {
                // landmarks collapsed (the mesh read a crop with no real face): no pose, not a failed talk
                return null;
            }
            Rodrigues(rvec, rotation);
            try (DoubleIndexer r = rotation.createIndexer()) {
                // where the face points (its +z, towards the viewer, is -z in object axes) and its up (-y)
                double nx = -r.get(0, 2);
                double ny = -r.get(1, 2);
                double nz = -r.get(2, 2);
                double ux = -r.get(0, 1);
                double uy = -r.get(1, 1);
                double yaw = Math.toDegrees(Math.atan2(nx, -nz));
                double pitch = Math.toDegrees(Math.atan2(ny, Math.hypot(nx, nz)));
                double roll = Math.toDegrees(Math.atan2(ux, -uy));
                return new double[] {yaw, pitch, roll};
            }
        }
    }
}
