package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Popularity (downloads) against documentation, when the source gives download counts. */
public final class PopularitySection implements ReportSection {

    private static final List<String> BUCKETS = List.of("0", "1–9", "10–99", "100–999", "1k–10k", "10k–100k",
            "100k–1M", "1M and more");

    @Override
    public String id() {
        return "popularity";
    }

    @Override
    public String title() {
        return "Popularity and documentation";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long counted = store.count("SELECT count(downloads) FROM cards");
        if (counted == 0) {
            out.paragraph("The source gives no download counts for these cards (cards.downloads is empty), so "
                    + "popularity cannot be set against documentation.");
            return;
        }
        String modelIndex = store.countCardsWithKey("model-index");
        String license = store.countCardsWithKey("license");
        List<Object[]> rows = store.rows("""
                SELECT CASE WHEN downloads <= 0 THEN 0 WHEN downloads < 10 THEN 1 WHEN downloads < 100 THEN 2
                            WHEN downloads < 1000 THEN 3 WHEN downloads < 10000 THEN 4 WHEN downloads < 100000 THEN 5
                            WHEN downloads < 1000000 THEN 6 ELSE 7 END AS bucket,
                       count(*), avg(completeness), median(completeness), count(*) FILTER (WHERE has_metadata),
                       %s, %s
                FROM cards WHERE downloads IS NOT NULL GROUP BY bucket ORDER BY bucket""".formatted(modelIndex, license));
        double spearman = store.number("""
                WITH r AS (
                  SELECT rank() OVER (ORDER BY downloads) + (count(*) OVER (PARTITION BY downloads) - 1) / 2.0 AS rd,
                         rank() OVER (ORDER BY completeness)
                           + (count(*) OVER (PARTITION BY completeness) - 1) / 2.0 AS rc
                  FROM cards WHERE downloads IS NOT NULL AND completeness IS NOT NULL)
                SELECT corr(rd, rc) FROM r""");
        out.paragraph(ReportContext.count(counted) + " cards (" + ReportContext.percentText(counted, ctx.totalCards())
                + ") have a download count. Spearman rank correlation between downloads and completeness: "
                + (Double.isNaN(spearman) ? "not defined (no variation)" : String.format(Locale.ROOT, "%.2f", spearman))
                + ".");
        out.note("Downloads as the source reports them (on the Hub: the last 30 days). A correlation near 0 means "
                + "popularity and documentation go their own ways; it says nothing of cause.");
        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        Table.Builder t = Table.builder("popularity", "Documentation by downloads", "downloads", "cards",
                "mean completeness (%)", "median completeness (%)", "with metadata (%)", "with model-index (%)",
                "with license (%)");
        for (Object[] row : rows) {
            String label = BUCKETS.get((int) StoreView.asLong(row[0]));
            long n = StoreView.asLong(row[1]);
            double mean = 100 * StoreView.asDouble(row[2]);
            labels.add(label);
            means.add(mean);
            t.row(label, n, new Cells.Percent(mean), new Cells.Percent(100 * StoreView.asDouble(row[3])),
                    ReportContext.percent(StoreView.asLong(row[4]), n), ReportContext.percent(StoreView.asLong(row[5]), n),
                    ReportContext.percent(StoreView.asLong(row[6]), n));
        }
        ctx.charts().verticalBars(ctx.assets().image("popularity"), "Mean completeness by downloads", "downloads",
                "mean completeness", labels, means, true);
        out.figure(ctx.assets().imageHref("popularity"), "Bar chart: mean completeness by downloads bucket");
        ctx.table(out, t.build());

        Table.Builder top = Table.builder("most-downloaded", "Most downloaded cards", "card", "downloads", "likes",
                "completeness (%)", "metadata block", "problems");
        for (Object[] row : store.rows("SELECT id, downloads, likes, completeness, has_metadata, problem_count "
                + "FROM cards WHERE downloads IS NOT NULL ORDER BY downloads DESC, id LIMIT 100")) {
            top.row(new Cells.CardRef(StoreView.asString(row[0])), row[1], row[2],
                    row[3] == null ? null : new Cells.Percent(100 * StoreView.asDouble(row[3])),
                    Boolean.TRUE.equals(row[4]) ? "yes" : "no", row[5]);
        }
        ctx.table(out, top.build());
    }
}
