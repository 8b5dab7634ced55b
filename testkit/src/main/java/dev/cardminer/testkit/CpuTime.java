package dev.cardminer.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Time limits and measurements by CPU time rather than the wall clock: on a loaded machine the
 * wall clock also counts the time a thread waited for a core, so a test that bounds or compares the
 * cost of code by the wall clock fails for reasons that are not the code's. The CPU time of the thread
 * that runs the code leaves out waiting, other processes, and the JVM's own GC and compiler threads.
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** The CPU time the calling thread has used so far, in nanoseconds. */
    public static long threadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Runs {@code work} on a thread of its own and returns its result; fails with an {@link AssertionError}
     * when that thread uses more than {@code cpu} of CPU time, or, as a guard against waiting forever,
     * when {@code wall} passes. Exceptions of the work are rethrown (checked ones wrapped).
     */
    public static <T> T limit(Duration cpu, Duration wall, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, "cpu-time-limited");
        thread.setDaemon(true);
        long wallEnd = System.nanoTime() + wall.toNanos();
        thread.start();
        while (true) {
            try {
                return task.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long used = THREADS.getThreadCpuTime(thread.threadId());
                if (used > cpu.toNanos()) {
                    thread.interrupt();
                    throw new AssertionError(String.format("took more than %,d ms of CPU time", cpu.toMillis()));
                }
                if (System.nanoTime() > wallEnd) {
                    thread.interrupt();
                    throw new AssertionError(String.format("did not finish within %,d ms (wall clock; %,d ms of"
                            + " CPU time used)", wall.toMillis(), used / 1_000_000));
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
