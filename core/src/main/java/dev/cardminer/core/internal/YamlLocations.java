package dev.cardminer.core.internal;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where the values of a parsed block stand in the card file. The reader records, for each mapping
 * or list it builds, the position of each key (mappings) or item (lists); a lookup walks a key path
 * through the data. Lookups are only needed for problems, which are rare, so positions are kept
 * packed and converted on demand.
 */
public final class YamlLocations {

    /** A 1-based position in the card file. */
    public record Location(int line, int column) {
    }

    private final IdentityHashMap<Object, long[]> marks;
    private final String yaml;
    private final int firstLine;
    private int[] lineStarts;      // of the YAML text; built on the first column conversion that needs it
    private Boolean hasSurrogates;

    YamlLocations(IdentityHashMap<Object, long[]> marks, String yaml, int firstLine) {
        this.marks = marks;
        this.yaml = yaml;
        this.firstLine = firstLine;
    }

    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /** The card position of a packed mark (0-based line of the block, 0-based column in code points). */
    public Location location(long packed) {
        int line = (int) (packed >>> 32);
        int cpColumn = (int) packed;
        return new Location(firstLine + line, utf16Column(line, cpColumn) + 1);
    }

    /** The block's first line, where problems about the whole block go. */
    public Location blockStart() {
        return new Location(firstLine, 1);
    }

    /**
     * The position of the last element of {@code path} (String keys and Integer indexes) under
     * {@code root}; where the path leaves the data, the position of the deepest element reached.
     */
    public Location locate(Object root, List<?> path) {
        Object container = root;
        Location best = blockStart();
        for (Object step : path) {
            long[] m = marks.get(container);
            if (m == null) {
                break;
            }
            int index = -1;
            Object next = null;
            if (container instanceof Map<?, ?> map && step instanceof String key) {
                int i = 0;
                for (Iterator<?> it = map.keySet().iterator(); it.hasNext(); i++) {
                    if (key.equals(it.next())) {
                        index = i;
                        next = map.get(key);
                        break;
                    }
                }
            } else if (container instanceof List<?> list && step instanceof Integer i && i >= 0 && i < list.size()) {
                index = i;
                next = list.get(i);
            }
            if (index < 0 || index >= m.length) {
                break;
            }
            best = location(m[index]);
            container = next;
        }
        return best;
    }

    private int utf16Column(int line, int cpColumn) {
        if (hasSurrogates == null) {
            boolean found = false;
            for (int i = 0, n = yaml.length(); i < n && !found; i++) {
                found = Character.isSurrogate(yaml.charAt(i));
            }
            hasSurrogates = found;
        }
        if (!hasSurrogates) {
            return cpColumn;
        }
        if (lineStarts == null) {
            LineIndex index = new LineIndex(yaml);
            lineStarts = new int[index.lineCount()];
            for (int i = 0; i < lineStarts.length; i++) {
                lineStarts[i] = index.lineStart(i + 1);
            }
        }
        if (line >= lineStarts.length) {
            return cpColumn;
        }
        int start = lineStarts[line];
        try {
            return yaml.offsetByCodePoints(start, cpColumn) - start;
        } catch (IndexOutOfBoundsException e) {
            return cpColumn;
        }
    }
}
