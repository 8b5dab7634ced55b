package dev.cardminer.io.internal;


/**
 * An open-addressing map from long to long (16 bytes an entry): the store's id-to-fingerprint index
 * and the ids seen in a run, without a boxed object per card. Keys are already well mixed (hash prefixes).
 * Not thread-safe; safe to read from many threads once filling is done.
 */
public final class LongLongMap {

    private static final long FREE = 0L;

    private long[] keys;
    private long[] values;
    private boolean hasZeroKey;
    private long zeroValue;
    private int size;

    public LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
    }

    public int size() {
        return size;
    }

    public boolean containsKey(long key) {
        return key == FREE ? hasZeroKey : keys[slot(key)] == key;
    }

    /** The value, or {@code missing} when the key is absent. */
    public long get(long key, long missing) {
        if (key == FREE) {
            return hasZeroKey ? zeroValue : missing;
        }
        int i = slot(key);
        return keys[i] == key ? values[i] : missing;
    }

    /** Puts the pair; returns whether the key was new. */
    public boolean put(long key, long value) {
        if (key == FREE) {
            boolean added = !hasZeroKey;
            hasZeroKey = true;
            zeroValue = value;
            size += added ? 1 : 0;
            return added;
        }
        int i = slot(key);
        if (keys[i] == key) {
            values[i] = value;
            return false;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    @Override
    public String toString() {
        return "LongLongMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
