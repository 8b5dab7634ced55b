package dev.cardminer.io.internal;

import dev.cardminer.io.Analyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an ingestion run's time went, stage by stage: wall time inside each stage's own work and the
 * CPU time of its threads. Stages add to it from their threads; {@link #stages()} is the profile that
 * {@code bench analyze} prints.
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
    final AtomicLong batches = new AtomicLong();

    /** CPU time of the calling thread in nanoseconds, 0 where the JVM cannot tell. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** The profile, before the known-names revision. */
    Analyzer.Stages stages() {
        return new Analyzer.Stages(d(readerCpu), d(parserCpu), d(splitCpu), d(annotateCpu), d(writerCpu),
                d(loadIndexNanos), d(readNanos), d(parseNanos), d(appendNanos), d(commitNanos), d(writerWaitNanos),
                d(checkpointNanos), Duration.ZERO, Duration.ZERO, 0, batches.get());
    }

    private static Duration d(AtomicLong nanos) {
        return Duration.ofNanos(nanos.get());
    }
}
