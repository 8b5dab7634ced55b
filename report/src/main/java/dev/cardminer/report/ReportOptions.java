package dev.cardminer.report;

import dev.cardminer.core.Vocabularies;
import java.util.Objects;

/**
 * Settings of a report.
 *
 * @param vocabularies the Hub's accepted values, to flag values it would reject
 * @param tableRows    rows shown per table in the page (every CSV has all rows of its table)
 */
public record ReportOptions(Vocabularies vocabularies, int tableRows) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException when vocabularies is null
     * @throws IllegalArgumentException when tableRows is below 1
     */
    public ReportOptions {
        Objects.requireNonNull(vocabularies, "vocabularies");
        if (tableRows < 1) {
            throw new IllegalArgumentException("tableRows must be at least 1: " + tableRows);
        }
    }

    /** The bundled vocabularies and 25 rows per table. */
    public static ReportOptions defaults() {
        return new ReportOptions(Vocabularies.bundled(), 25);
    }

    /**
     * These options with {@code rows} rows per table.
     *
     * @throws IllegalArgumentException when below 1
     */
    public ReportOptions withTableRows(int rows) {
        return new ReportOptions(vocabularies, rows);
    }
}
