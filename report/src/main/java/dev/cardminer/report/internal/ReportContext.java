package dev.cardminer.report.internal;

import dev.cardminer.core.Vocabularies;
import java.io.IOException;
import java.util.Locale;

/**
 * What every section needs: the store, where to put files, the renderers and the settings.
 *
 * @param totalCards rows of {@code cards}, the denominator of every share
 * @param tableRows  rows shown per HTML table (the CSV has every row of the table)
 */
public record ReportContext(StoreView store, Assets assets, ChartRenderer charts, WordCloudRenderer clouds,
                            Vocabularies vocabularies, long totalCards, int tableRows) {

    /** Writes the table's CSV and shows it in the section. */
    public void table(HtmlSection section, Table table) throws IOException {
        section.table(table, assets.csv(table), tableRows);
    }

    /** Writes the table's CSV and shows all its rows (for short tables that read as a whole). */
    public void wholeTable(HtmlSection section, Table table) throws IOException {
        section.table(table, assets.csv(table), Integer.MAX_VALUE);
    }

    /** A share of all cards, in percent. */
    public Cells.Percent shareOfCards(long count) {
        return percent(count, totalCards);
    }

    public static Cells.Percent percent(long part, long whole) {
        return new Cells.Percent(whole == 0 ? Double.NaN : 100.0 * part / whole);
    }

    public static String percentText(long part, long whole) {
        return whole == 0 ? "n/a" : percentText(100.0 * part / whole);
    }

    /** A percentage as every share is written ({@link dev.cardminer.report.Shares#percent}). */
    public static String percentText(double percent) {
        return dev.cardminer.report.Shares.percent(percent);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
