package dev.cardminer.cli;

/**
 * Card text on its way to a terminal: control characters (C0 but tab and newline, DEL, C1) and the
 * bidirectional overrides are shown as {@code \xNN} (overrides: backslash, u and four hex digits) instead of being passed on, so a
 * card cannot clear the screen, set the window title or reorder what is shown ({@code \e[2J},
 * {@code \e]0;...\a}, U+202E).
 */
final class TerminalText {

    private TerminalText() {
    }

    static String escape(String s) {
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c <= 0xFF) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
