package dev.cardminer.core.internal;

/**
 * Finds the metadata block with exactly the Hub's rule, the regular expression
 * {@code ^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))} applied once with
 * Python's semantics (Unicode {@code \s}, no MULTILINE). It is written out as a scanner rather than a
 * {@link java.util.regex.Pattern} so that it runs in linear time without recursion on any input, and
 * so that Python's {@code \s} (which Java's does not match) is explicit.
 */
public final class FrontMatterSplitter {

    /** Where the block and the body lie in a card's text. All offsets are UTF-16 indexes. */
    public record Split(boolean found, int yamlStart, int yamlEnd, int bodyStart) {
        static final Split NONE = new Split(false, 0, 0, 0);
    }

    public Split split(CharSequence text) {
        int n = text.length();
        int p = 0;
        while (p < n && isPythonWhitespace(text.charAt(p))) {
            p++;
        }
        // \s* is greedy and '-' is no whitespace, so '---' can only start where the whitespace ends.
        if (!startsWith(text, p, "---")) {
            return Split.NONE;
        }
        int afterDashes = p + 3;
        if (afterDashes >= n) {
            return Split.NONE;
        }
        char c = text.charAt(afterDashes);
        if (c == '\r' && afterDashes + 1 < n && text.charAt(afterDashes + 1) == '\n') {
            Split s = closeFrom(text, afterDashes + 2);
            // The regex backtracks from \r\n to \r, so "---\r\n---\n" still matches with an empty block.
            return s.found ? s : closeFrom(text, afterDashes + 1);
        }
        if (c == '\r' || c == '\n') {
            return closeFrom(text, afterDashes + 1);
        }
        return Split.NONE;
    }

    /** The lazy group 2 from {@code yamlStart}: the first place where the closing line matches. */
    private static Split closeFrom(CharSequence text, int yamlStart) {
        int n = text.length();
        for (int k = yamlStart; k < n; k++) {
            char c = text.charAt(k);
            int dashes;
            if (c == '\r') {
                dashes = (k + 1 < n && text.charAt(k + 1) == '\n') ? k + 2 : k + 1;
            } else if (c == '\n') {
                dashes = k + 1;
            } else {
                continue;
            }
            int end = closingEnd(text, dashes);
            if (end < 0 && c == '\r' && dashes == k + 2) {
                end = closingEnd(text, k + 1); // the "\r" alternative, after "\r\n" failed
            }
            if (end >= 0) {
                return new Split(true, yamlStart, k, end);
            }
        }
        return Split.NONE;
    }

    /** Matches {@code ---[ \t]*(\r\n|\n|$)} at {@code i}; returns the match end or -1. */
    private static int closingEnd(CharSequence text, int i) {
        int n = text.length();
        if (!startsWith(text, i, "---")) {
            return -1;
        }
        int j = i + 3;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        if (j == n) {
            return j;
        }
        if (text.charAt(j) == '\r' && j + 1 < n && text.charAt(j + 1) == '\n') {
            return j + 2;
        }
        if (text.charAt(j) == '\n') {
            return j + 1;
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String s) {
        if (at + s.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (text.charAt(at + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str.isspace()}, which its regex {@code \s} follows. The BOM is not whitespace. */
    static boolean isPythonWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ',
                 '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
