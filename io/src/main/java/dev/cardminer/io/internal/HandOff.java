package dev.cardminer.io.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded first-in first-out queue from one producer to several consumers, whose producer, once it found the queue
 * full, waits until the consumers have taken half of it, then refills it in one go.
 *
 * <p>Why not an {@code ArrayBlockingQueue}: the reader is several times faster than the parser threads, so that queue
 * is full nearly all the time, and each card a parser took woke the reader for one card: a futex wake, a wait and a
 * context switch per card, the process's most frequent system calls after the CPU clock (docs/bench.md, "JVM-side
 * CPU"). Here the reader wakes once per half queue. Consumers are woken per item as before.
 */
final class HandOff<T> {

    private final Object[] items;
    private final int refillAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition halfEmpty = lock.newCondition();
    private int head;
    private int count;

    /** @param capacity items it holds at most (at least 1) */
    HandOff(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        items = new Object[capacity];
        refillAt = capacity / 2;
    }

    /** Adds the item, first waiting, when the queue is full, until no more than half of it is left. */
    void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (count == items.length) {
                do {
                    halfEmpty.await();
                } while (count > refillAt);
            }
            items[(head + count) % items.length] = item;
            count++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item, waiting up to the timeout for one; null when none came. */
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            @SuppressWarnings("unchecked")
            T item = (T) items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count--;
            if (count <= refillAt) {
                // Costs nothing while the producer is not waiting.
                halfEmpty.signal();
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the producer waits for room (and has not been woken yet). */
    boolean producerWaiting() {
        lock.lock();
        try {
            return lock.hasWaiters(halfEmpty);
        } finally {
            lock.unlock();
        }
    }
}
