package dev.cardminer.core.internal;

import java.util.Locale;

/**
 * Card values as problem messages quote them: whole up to {@value #MAX} characters, past that their start, an ellipsis
 * and their length, so that a 100,000-character licence makes no 100 KB line in any output (text, github, SARIF, rows).
 */
final class MessageValues {

    /** The longest value quoted whole. */
    static final int MAX = 100;
    /** How much of a longer value is shown. */
    static final int SHOWN = 80;

    private MessageValues() {
    }

    /** {@code 'value'}, or {@code 'its first 80 characters…' (100,000 characters)}. */
    static String quote(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= MAX) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, value.offsetByCodePoints(0, SHOWN)) + "…' (" + characters(length) + ")";
    }

    /** The value unquoted (a number's digits), shortened as {@link #quote} shortens. */
    static String shorten(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= MAX) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN)) + "… (" + characters(length) + ")";
    }

    private static String characters(int n) {
        return String.format(Locale.ROOT, "%,d characters", n);
    }
}
