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

    /**
     * A percentage with one decimal; a share that is not zero never reads as 0.0% ("< 0.1%"), and one that
     * is not all never reads as 100.0% ("> 99.9%").
     */
    public static String percentText(double percent) {
        if (percent > 0 && percent < 0.05) {
            return "< 0.1%";
        }
        if (percent < 100 && percent >= 99.95) {
            return "> 99.9%";
        }
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
