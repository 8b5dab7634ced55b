package dev.cardminer.core;

import dev.cardminer.core.internal.LineIndex;

/**
 * Lines of a text counted as the parser counts them for every {@link Problem}, section and link: a line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r} (old Mac files), so that tools reporting lines of their own agree
 * with the parser's.
 *
 * <pre>{@code
 * TextLines lines = TextLines.of(card.body());
 * int line = card.bodyLine() + lines.line(offset) - 1;   // the card file's line of a body offset
 * }</pre>
 */
public final class TextLines {

    private final CharSequence text;
    private final LineIndex index;

    private TextLines(CharSequence text) {
        this.text = text;
        this.index = new LineIndex(text);
    }

    /** The lines of {@code text}, indexed once (linear in its length). */
    public static TextLines of(CharSequence text) {
        return new TextLines(text);
    }

    /** 1-based line of the offset. */
    public int line(int offset) {
        return index.line(offset);
    }

    /** 1-based column of the offset, in UTF-16 units. */
    public int column(int offset) {
        return index.column(offset);
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return index.lineStart(line);
    }

    /** Offset just past the last character of a 1-based line, before its line end. */
    public int lineEnd(int line) {
        int end = line >= index.lineCount() ? text.length() : index.lineStart(line + 1);
        if (end > lineStart(line) && line < index.lineCount()) {
            end--;   // \n or a lone \r
            if (end > lineStart(line) && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** The number of lines; a text ending with a line end has an empty last line. */
    public int lineCount() {
        return index.lineCount();
    }
}
