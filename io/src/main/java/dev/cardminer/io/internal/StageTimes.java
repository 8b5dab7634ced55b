package dev.cardminer.io.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an ingestion run's time went, stage by stage: wall time inside each stage's own work and the
 * CPU time of its threads. Stages add to it from their threads; {@link #millis()} is the profile that
 * {@code --stages} and {@code bench analyze} print.
 */
final class StageTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final AtomicLong loadIndexNanos = new AtomicLong();
    final AtomicLong readNanos = new AtomicLong();
    final AtomicLong parseNanos = new AtomicLong();
    final AtomicLong appendNanos = new AtomicLong();
    final AtomicLong commitNanos = new AtomicLong();
    final AtomicLong writerWaitNanos = new AtomicLong();
    final AtomicLong checkpointNanos = new AtomicLong();
    final AtomicLong readerCpu = new AtomicLong();
    final AtomicLong parserCpu = new AtomicLong();
    final AtomicLong splitCpu = new AtomicLong();
    final AtomicLong annotateCpu = new AtomicLong();
    final AtomicLong writerCpu = new AtomicLong();

    /** CPU time of the calling thread in nanoseconds, 0 where the JVM cannot tell. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** The profile in milliseconds, in the order the stages run. */
    Map<String, Long> millis() {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("cpu: reader thread", readerCpu.get() / 1_000_000);
        stages.put("cpu: parser threads", parserCpu.get() / 1_000_000);
        stages.put("cpu:   of which sentence split", splitCpu.get() / 1_000_000);
        stages.put("cpu:   of which rules annotation", annotateCpu.get() / 1_000_000);
        stages.put("cpu: writer thread", writerCpu.get() / 1_000_000);
        stages.put("load-index", loadIndexNanos.get() / 1_000_000);
        stages.put("read (reader thread)", readNanos.get() / 1_000_000);
        stages.put("parse+rows (all parser threads)", parseNanos.get() / 1_000_000);
        stages.put("append (writer)", appendNanos.get() / 1_000_000);
        stages.put("commit (writer)", commitNanos.get() / 1_000_000);
        stages.put("writer waiting", writerWaitNanos.get() / 1_000_000);
        stages.put("final checkpoint", checkpointNanos.get() / 1_000_000);
        return stages;
    }
}
