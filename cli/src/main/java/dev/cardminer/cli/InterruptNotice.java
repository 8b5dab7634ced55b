package dev.cardminer.cli;

import java.io.PrintWriter;

/**
 * One line on standard error when Ctrl-C (or SIGTERM) ends a command that writes a store: the JVM runs its shutdown
 * hooks and stops, DuckDB rolls back the transaction in flight, and the user learns what was kept instead of seeing
 * the command end silently. Closed when the command ends by itself, so that a normal exit says nothing.
 */
final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** From now until {@link #close()}, an interruption prints {@code line} (after a new line, for a progress bar). */
    static InterruptNotice register(PrintWriter err, String line, boolean afterProgressBar) {
        Thread hook = new Thread(() -> {
            err.println((afterProgressBar ? "\n" : "") + line);
            err.flush();
        }, "cardminer-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is going down (Ctrl-C): the hook runs and says so.
        }
    }
}
