package dev.wedge.sync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process's threads grouped by role (edge forwarding, HQ request handling, the rest), read
 * from the JVM's thread bean. On a shared machine wall-clock time mostly measures the other tenants, but the
 * CPU each side spends per record does not, and with the forwarder's pipeline the busier side bounds the
 * drain rate on an otherwise idle machine with a core per side.
 */
final class ThreadCpu {
    private final Map<String, Long> nanosByRole;

    private ThreadCpu(Map<String, Long> nanosByRole) {
        this.nanosByRole = nanosByRole;
    }

    /** CPU time so far of every live thread, by role. Threads that ended before are not counted. */
    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new LinkedHashMap<>();
        byRole.put("edge", 0L);
        byRole.put("hq", 0L);
        byRole.put("other", 0L);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byRole.merge(role(info.getThreadName()), cpu, Long::sum);
            }
        }
        return new ThreadCpu(byRole);
    }

    private static String role(String thread) {
        if (thread.startsWith("wedge-sync-") || thread.startsWith("HttpClient-")) {
            return "edge";
        }
        return thread.startsWith("wedge-hq") ? "hq" : "other";
    }

    /** Seconds of CPU per role between {@code before} and this snapshot. */
    Map<String, Double> secondsSince(ThreadCpu before) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanosByRole.forEach((role, nanos) -> out.put(role,
                SyncBenchmark.round((nanos - before.nanosByRole.getOrDefault(role, 0L)) / 1e9)));
        return out;
    }
}
