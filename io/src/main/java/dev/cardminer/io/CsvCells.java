package dev.cardminer.io;

/**
 * Card text in CSV cells that spreadsheets open: a cell that starts like a formula ({@code = + - @}, tab or
 * carriage return) gets a leading apostrophe, so opening the file cannot run it. One rule for every CSV
 * cardminer writes (the report's tables and {@code export}).
 */
public final class CsvCells {

    /** The characters that make a spreadsheet read a cell as a formula. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The text, with an apostrophe in front when it starts like a formula; null becomes "". */
    public static String defuse(String text) {
        if (text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text == null ? "" : text;
    }

    /** The same rule as a DuckDB SQL expression over a text column or expression. */
    public static String defuseSql(String expression) {
        StringBuilder starts = new StringBuilder();
        for (char c : FORMULA_STARTS.toCharArray()) {
            starts.append(starts.isEmpty() ? "" : ", ").append("chr(").append((int) c).append(')');
        }
        return "CASE WHEN left(" + expression + ", 1) IN (" + starts + ") THEN '''' || " + expression + " ELSE "
                + expression + " END";
    }
}
