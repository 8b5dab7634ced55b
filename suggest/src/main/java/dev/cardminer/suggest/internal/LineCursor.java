package dev.cardminer.suggest.internal;

/**
 * The line around offsets asked for in increasing order. A rule that looks at the line of each of its matches would
 * scan a long line once per match (quadratic on one hostile line of many matches); the cursor finds each line once, so
 * all the lines together cost time linear in the text.
 */
final class LineCursor {

    private final String text;
    private int start = -1;
    private int end = -1;

    LineCursor(String text) {
        this.text = text;
    }

    /** Moves to the line that holds {@code offset} (not before the last one); true when that is another line. */
    boolean moveTo(int offset) {
        if (offset <= end && start >= 0) {
            return false;
        }
        // the back scan stops at a newline after the last line's end
        start = text.lastIndexOf('\n', offset - 1) + 1;
        int newline = text.indexOf('\n', offset);
        end = newline < 0 ? text.length() : newline;
        return true;
    }

    /** Where the current line starts. */
    int start() {
        return start;
    }

    /** Where the current line ends: its newline, or the text's end. */
    int end() {
        return end;
    }
}
