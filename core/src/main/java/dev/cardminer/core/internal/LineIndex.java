package dev.cardminer.core.internal;

import java.util.Arrays;

/**
 * Turns offsets of a text into 1-based line and column numbers. A line ends at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as editors count them.
 */
public final class LineIndex {

    private final int[] lineStarts;
    private final int lineCount;

    public LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        if (text instanceof String s && s.indexOf('\r') < 0) {
            // The common case: only \n ends lines, and String.indexOf is vectorised by the JVM.
            for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
        }
        this.lineStarts = starts;
        this.lineCount = count;
    }

    /** 1-based line of the offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of the offset, in UTF-16 units. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset of the start of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineCount) - 1)];
    }

    public int lineCount() {
        return lineCount;
    }
}
