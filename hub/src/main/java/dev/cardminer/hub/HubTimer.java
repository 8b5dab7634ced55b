package dev.cardminer.hub;

import java.time.Duration;

/** Time as the client's retries see it: the system's, or in tests one that advances when slept on. */
public interface HubTimer {

    /** The current time in nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /**
     * Waits {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The system's clock and {@link Thread#sleep(Duration)}. */
    HubTimer SYSTEM = new HubTimer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }
    };
}
