package dev.cardminer.core.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the per-card time limit: a limit on the wall clock cut cards short when the
 * machine was loaded or asleep, so the same card parsed differently from run to run. Where the JVM cannot measure a
 * thread's CPU time (virtual threads), the wall clock stands in.
 */
public final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private ThreadCpuClock() {
    }

    /**
     * Nanoseconds of CPU time the calling thread has used (a system call on some kernels: ~2 µs; read it rarely), or
     * -1 where it cannot be measured: a virtual thread, or CPU time measurement turned off.
     */
    public static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Whether a step begun at these readings ({@code System.nanoTime()} and {@link #now()}) has used up the limit: in
     * CPU time, or by the wall clock where the CPU time could not be read at the start.
     */
    public static boolean past(long wallStart, long cpuStart, long limitNanos) {
        if (System.nanoTime() - wallStart <= limitNanos) {
            return false;   // the wall clock, free to read, is never behind the thread's CPU time
        }
        return cpuStart < 0 || now() - cpuStart > limitNanos;
    }
}
