package dev.cardminer.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter an author wrote that the Hub's rule does not open, in the shapes the parser reports no problem of its
 * own for: the editor refuses or fills them, and {@code check} says why the Hub sees no block instead of "the card has
 * no metadata block".
 */
public final class UnseenBlocks {

    private static final Pattern BLANK_OPENER = Pattern.compile("---[ \t]+(\r\n|\n|\r)");
    private static final Pattern CLOSING_LINE = Pattern.compile("(?m)^---[ \t]*$");
    /**
     * {@code ---} right above {@code ---}: the line break the closing line needs in front of it is the opening line's
     * own, which the Hub's rule has taken.
     */
    private static final Pattern EMPTY_BLOCK = Pattern.compile("---(\r\n|\n)---[ \t]*(\r\n|\n|$)");

    private UnseenBlocks() {
    }

    /**
     * The 1-based line of a first line {@code ---} with spaces or tabs after it and a {@code ---} line further down: the
     * author's block, which the Hub's rule does not open (it takes a line break right after the dashes), so its keys are
     * body text; 0 when the card has no such line.
     */
    public static int blankAfterOpeningDashes(String text) {
        int[] start = MetadataAnalyzer.afterLeadingWhitespace(text);
        Matcher opener = BLANK_OPENER.matcher(text).region(start[0], text.length());
        return opener.lookingAt() && CLOSING_LINE.matcher(text).region(opener.end(), text.length()).find() ? start[1] : 0;
    }

    /**
     * Where keys go in a block left empty ({@code ---} right above {@code ---}), as a matcher whose {@code end(1)} is the
     * offset after the opening line and {@code group(1)} its line break; null when the card does not start so.
     */
    public static Matcher emptyBlock(String text) {
        Matcher m = EMPTY_BLOCK.matcher(text).region(MetadataAnalyzer.afterLeadingWhitespace(text)[0], text.length());
        return m.lookingAt() ? m : null;
    }

    /**
     * The 1-based line of an opening {@code ---} that ends in a lone carriage return (old Mac line endings): the Hub's
     * rule closes a block only with a {@code ---} line ending in LF or CRLF, so it sees none; 0 otherwise.
     */
    public static int loneCrOpener(String text) {
        int[] start = MetadataAnalyzer.afterLeadingWhitespace(text);
        int p = start[0];
        boolean cr = text.startsWith("---\r", p) && !text.startsWith("---\r\n", p);
        return cr && MetadataBlockEditor.lineEnding(text).equals("\r") ? start[1] : 0;
    }

    /** The 1-based line of the opening {@code ---} of a block left empty; 0 when the card has none. */
    public static int emptyBlockLine(String text) {
        return emptyBlock(text) == null ? 0 : MetadataAnalyzer.afterLeadingWhitespace(text)[1];
    }
}
