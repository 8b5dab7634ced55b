package dev.cardminer.core.internal;

/**
 * A short hint for the YAML mistakes card authors make most, added to the YAML reader's own words (which name the
 * parser's state, "mapping values are not allowed here", not the fix): a colon inside an unquoted value, text after
 * a closing quote, a quote or bracket never closed, a line indented off its siblings, a value that starts with a
 * character YAML reserves, a line that is no {@code key: value}. Tabs have a message of their own ({@link YamlBlockReader}).
 */
final class YamlErrorHints {

    private YamlErrorHints() {
    }

    /**
     * @param problem the reader's problem text, on one line
     * @param context the reader's context text ("while parsing a flow sequence"), or null
     * @param yaml    the block's text
     * @param line    the problem's 0-based line in the block
     * @param column  the problem's 0-based column in that line
     * @return "; " and the hint, or "" when the error is none of the common ones
     */
    static String hint(String problem, String context, String yaml, int line, int column) {
        String text = lineOf(yaml, line);
        String ctx = context == null ? "" : context;
        if (problem.startsWith("mapping values are not allowed here")) {
            int keyColon = keyColon(text);
            return keyColon >= 0 && keyColon < column
                    ? "; a ': ' inside an unquoted value starts a new mapping: quote the value (key: \"a: b\")"
                    : "; this key is indented more than the key above it: indent it as its siblings";
        }
        if (ctx.startsWith("while scanning a quoted scalar")) {
            return "; a quote is opened and never closed: close it where the value ends";
        }
        if (ctx.startsWith("while parsing a flow sequence") || ctx.startsWith("while parsing a flow mapping")) {
            char close = ctx.contains("sequence") ? ']' : '}';
            return "; a '" + (close == ']' ? '[' : '{') + "' is not closed where the value ends: add '" + close
                    + "' (or quote the value if the bracket is text)";
        }
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return "; YAML reserves this character at the start of a value: quote the value";
        }
        if (ctx.startsWith("while scanning a simple key") && problem.startsWith("could not find expected ':'")) {
            return "; a line that is neither 'key: value' nor a list item: if it continues the value above, "
                    + "indent it under that value (or quote the whole value)";
        }
        if (ctx.startsWith("while parsing a block mapping") && problem.startsWith("expected <block end>")) {
            return afterQuote(text, column)
                    ? "; text after a closing quote: quote the whole value, or nothing of it"
                    : "; this line is not indented as the lines of its level above it";
        }
        return "";
    }

    /** Where the colon of a line's {@code key: } (after indentation and list markers) is, or -1. */
    private static int keyColon(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-' && i + 1 < text.length()
                && text.charAt(i + 1) == ' ')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            // a quoted key ("model name": ...): its colon follows the closing quote
            int close = text.indexOf(text.charAt(i), i + 1);
            return close > 0 && close + 2 < text.length() && text.charAt(close + 1) == ':'
                    && text.charAt(close + 2) == ' ' ? close + 1 : -1;
        }
        if (i >= text.length() || "#{[".indexOf(text.charAt(i)) >= 0) {
            return -1;
        }
        for (int k = i; k + 1 < text.length(); k++) {
            if (text.charAt(k) == ':' && text.charAt(k + 1) == ' ') {
                return k;
            }
        }
        return -1;
    }

    /** Whether the line has a quote before the column, past its key: a value's text after its closing quote. */
    private static boolean afterQuote(String text, int column) {
        int keyColon = keyColon(text);
        for (int k = Math.max(0, keyColon + 1); k < Math.min(column, text.length()); k++) {
            if (text.charAt(k) == '"' || text.charAt(k) == '\'') {
                return true;
            }
        }
        return false;
    }

    /** The 0-based line of the text, without its line break; "" past the end. */
    private static String lineOf(String yaml, int line) {
        int start = 0;
        for (int l = 0; l < line; l++) {
            int nl = yaml.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = yaml.indexOf('\n', start);
        String s = yaml.substring(start, end < 0 ? yaml.length() : end);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
