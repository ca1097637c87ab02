package app.coherence.analysis.testvideo;

import java.util.Random;

/** A quiet room's hiss under a 16-bit track: seeded Gaussian noise, so a track is never digital silence. */
public final class RoomHiss {

    private RoomHiss() {
    }

    /** Adds hiss of {@code sigma} (16-bit units: 30-40 is about -60 dBFS) to {@code track} in place, clipped. */
    public static void add(short[] track, double sigma, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < track.length; i++) {
            track[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, track[i] + Math.round(random.nextGaussian() * sigma)));
        }
    }

    /** A copy of {@code track} with hiss added. */
    public static short[] over(short[] track, double sigma, long seed) {
        short[] copy = track.clone();
        add(copy, sigma, seed);
        return copy;
    }
}
