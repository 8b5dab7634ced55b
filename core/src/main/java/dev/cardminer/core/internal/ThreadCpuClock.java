package dev.cardminer.core.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the per-card time limit: a limit on the wall clock cut cards short when the
 * machine was loaded or asleep, so the same card parsed differently from run to run. Where the JVM cannot measure a
 * thread's CPU time, the wall clock stands in.
 */
public final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private ThreadCpuClock() {
    }

    /** Nanoseconds of CPU time the calling thread has used (a system call on some kernels: ~2 µs; read it rarely). */
    public static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
