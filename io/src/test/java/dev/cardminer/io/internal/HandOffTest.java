package dev.cardminer.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reader's queue: first in, first out; a producer that found it full waits until half of it is taken. */
class HandOffTest {

    @Test
    void itemsComeOutInTheOrderTheyWentIn() throws InterruptedException {
        HandOff<Integer> q = new HandOff<>(3);
        q.put(1);
        q.put(2);
        assertThat(q.poll(0, TimeUnit.SECONDS)).isEqualTo(1);
        q.put(3);
        q.put(4);
        assertThat(List.of(q.poll(0, TimeUnit.SECONDS), q.poll(0, TimeUnit.SECONDS), q.poll(0, TimeUnit.SECONDS)))
                .containsExactly(2, 3, 4);
        assertThat(q.poll(0, TimeUnit.SECONDS)).as("empty: nothing after the timeout").isNull();
    }

    @Test
    void aProducerThatFoundItFullWaitsUntilHalfIsTaken() throws InterruptedException {
        HandOff<Integer> q = new HandOff<>(4);
        for (int i = 0; i < 4; i++) {
            q.put(i);
        }
        Thread producer = new Thread(() -> {
            try {
                q.put(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        while (!q.producerWaiting()) {
            Thread.onSpinWait();
        }
        q.poll(0, TimeUnit.SECONDS);
        assertThat(q.producerWaiting()).as("three of four left: not woken").isTrue();
        q.poll(0, TimeUnit.SECONDS);
        assertThat(q.producerWaiting()).as("half left: woken").isFalse();
        producer.join();
        List<Integer> rest = new ArrayList<>();
        for (Integer i; (i = q.poll(0, TimeUnit.SECONDS)) != null; ) {
            rest.add(i);
        }
        assertThat(rest).containsExactly(2, 3, 4);
    }

    @Test
    void everyItemArrivesOnceWithManyConsumers() throws InterruptedException {
        HandOff<Integer> q = new HandOff<>(8);
        int n = 20_000;
        List<List<Integer>> taken = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<Integer> mine = new ArrayList<>();
            taken.add(mine);
            Thread t = new Thread(() -> {
                try {
                    for (Integer i; (i = q.poll(10, TimeUnit.SECONDS)) != null && i >= 0; ) {
                        mine.add(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            consumers.add(t);
            t.start();
        }
        for (int i = 0; i < n; i++) {
            q.put(i);
        }
        for (int c = 0; c < 3; c++) {
            q.put(-1);
        }
        for (Thread t : consumers) {
            t.join();
        }
        List<Integer> all = new ArrayList<>();
        taken.forEach(all::addAll);
        assertThat(all).hasSize(n).doesNotHaveDuplicates();
        for (List<Integer> mine : taken) {
            assertThat(mine).as("each consumer sees them in order").isSorted();
        }
    }
}
