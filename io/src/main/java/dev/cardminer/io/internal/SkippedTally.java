package dev.cardminer.io.internal;

import java.util.ArrayList;
import java.util.List;

/** A source's skipped entries as they come: all counted, the first few kept with their location for messages. */
public final class SkippedTally {

    /** Located skipped entries kept for messages; the rest are only counted. */
    private static final int KEPT = 5;

    private long count;
    private final List<String> first = new ArrayList<>();

    /** One more skipped entry, located ({@code line 3: no modelId}). */
    public synchronized void add(String why) {
        count++;
        if (first.size() < KEPT) {
            first.add(why);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The first few, located. */
    public synchronized List<String> first() {
        return List.copyOf(first);
    }
}
