package dev.cardminer.io;

import java.util.regex.Pattern;

/**
 * Card text in CSV cells that spreadsheets open and terminals show ({@code cat}, {@code less -r}). One rule for
 * every CSV file cardminer writes (the report's tables and {@code export}), {@link #cell}: control characters other
 * than tab and line breaks (ESC, BEL, DEL, C1) and the bidirectional overrides become U+FFFD, as in the report's
 * HTML, so a cell cannot clear a screen, set a window title or reorder what is shown; then a cell that starts like a
 * formula ({@code = + - @}, tab or carriage return) gets a leading apostrophe, so opening the file cannot run it.
 */
public final class CsvCells {

    /** The characters that make a spreadsheet read a cell as a formula. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    /** The characters replaced by U+FFFD, as a character class that Java's and DuckDB's (RE2) expressions read alike. */
    private static final String CONTROLS = "[\\x{0}-\\x{8}\\x{B}\\x{C}\\x{E}-\\x{1F}\\x{7F}-\\x{9F}\\x{202A}-\\x{202E}"
            + "\\x{2066}-\\x{2069}]";
    private static final Pattern CONTROL = Pattern.compile(CONTROLS);

    private CsvCells() {
    }

    /** Text for a CSV file's cell: its control characters replaced, then {@link #defuse defused}; null becomes "". */
    public static String cell(String text) {
        return text == null ? "" : defuse(CONTROL.matcher(text).replaceAll("\uFFFD"));
    }

    /**
     * The text, with an apostrophe in front when it starts like a formula; null becomes "". Only that: for CSV on a
     * terminal ({@code query --format csv}), which shows control characters escaped instead.
     */
    public static String defuse(String text) {
        if (text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text == null ? "" : text;
    }

    /** {@link #cell}'s rule as a DuckDB SQL expression over a text column or expression (null stays null). */
    public static String cellSql(String expression) {
        StringBuilder starts = new StringBuilder();
        for (char c : FORMULA_STARTS.toCharArray()) {
            starts.append(starts.isEmpty() ? "" : ", ").append("chr(").append((int) c).append(')');
        }
        String shown = "regexp_replace(" + expression + ", '" + CONTROLS + "', chr(65533), 'g')";
        return "CASE WHEN left(" + shown + ", 1) IN (" + starts + ") THEN '''' || " + shown + " ELSE " + shown + " END";
    }
}
