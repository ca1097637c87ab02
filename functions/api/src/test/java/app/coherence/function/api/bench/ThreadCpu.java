package app.coherence.function.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU spent by this process' threads (the JVM's own too: GC, JIT), grouped by what they do, read from
 * Linux's /proc/self/task: which part of "ours" costs the CPU that the floor does not spend. Elsewhere
 * it reports nothing.
 */
final class ThreadCpu {
    /** Clock ticks a second of /proc's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;
    static final String JIT = "JIT compiler";

    /** CPU nanoseconds of threads that have ended, per group: a thread adds its own as it ends. */
    private static final Map<String, java.util.concurrent.atomic.AtomicLong> ENDED = new java.util.concurrent.ConcurrentHashMap<>();

    private ThreadCpu() {
    }

    /** Called by a bench thread as its last act, so that its CPU still counts once it is gone from /proc. */
    static void threadEnding() {
        ENDED.computeIfAbsent(group(Thread.currentThread().getName()), g -> new java.util.concurrent.atomic.AtomicLong())
                .addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    /** Ticks of CPU so far per thread id, with the thread's group. */
    static Map<String, Map.Entry<String, Long>> snapshot() {
        Map<String, Map.Entry<String, Long>> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the name sits in parentheses and may hold spaces; the fields after it are space-separated
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    out.put(task.getFileName().toString(), Map.entry(group(name), ticks));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        // an ended thread's nanoseconds, in ticks; a thread ending between the two reads may be counted twice (rare)
        ENDED.forEach((g, nanos) -> out.put("ended " + g, Map.entry(g, Math.round(nanos.get() * TICKS / 1e9))));
        return out;
    }

    /** CPU seconds per group between two snapshots; threads that ended between them without saying so are lost. */
    static Map<String, Double> since(Map<String, Map.Entry<String, Long>> before, Map<String, Map.Entry<String, Long>> after) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((id, now) -> {
            long was = before.containsKey(id) ? before.get(id).getValue() : 0;
            out.merge(now.getKey(), (now.getValue() - was) / TICKS, Double::sum);
        });
        return out;
    }

    private static String group(String name) {
        if (name.startsWith("load-")) {
            return "load client";
        }
        if (name.startsWith("api-")) {
            return "HTTP server and api function";
        }
        if (name.startsWith("grpc-") || name.startsWith("Gax")) {
            return "Firestore client (gRPC)";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("Sweeper")) {
            return JIT;
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
            return "GC and VM";
        }
        if (name.equals("java")) {
            return "bench main (floor's scheduler)";
        }
        return "other threads (" + name.replaceAll("[-#]?\\d+$", "") + ")";
    }
}
