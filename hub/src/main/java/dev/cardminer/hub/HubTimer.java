package dev.cardminer.hub;

import java.time.Duration;

/** Time as the client's retries see it: the system's, or in tests one that advances when slept on. */
public interface HubTimer {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

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
