package app.coherence.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time and peak heap of each stage of one analysis, as the benchmark prints them. */
public final class StageTimes {
    /** One stage's figures: seconds of wall time and the heap peak (MB) seen while it ran. */
    public record Stage(double seconds, double peakHeapMb) {
    }

    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final Map<String, Double> threadCpu = new LinkedHashMap<>();
    private String current;
    private long started;

    synchronized void clear() {
        stages.clear();
        threadCpu.clear();
        current = null;
    }

    synchronized void start(String stage) {
        stop();
        resetPeaks();
        current = stage;
        started = System.nanoTime();
    }

    synchronized void stop() {
        if (current != null) {
            stages.put(current, new Stage((System.nanoTime() - started) / 1e9, peakHeapMb()));
            current = null;
        }
    }

    /** Records the CPU seconds one worker thread spent over the whole analysis ("vision"). */
    synchronized void threadCpu(String worker, double seconds) {
        threadCpu.put(worker, seconds);
    }

    /** CPU seconds of the workers that run beside the decoder, by name. */
    public synchronized Map<String, Double> threadCpu() {
        return new LinkedHashMap<>(threadCpu);
    }

    public synchronized Map<String, Stage> stages() {
        return Map.copyOf(new LinkedHashMap<>(stages));
    }

    public synchronized Map<String, Stage> ordered() {
        return new LinkedHashMap<>(stages);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024);
    }
}
