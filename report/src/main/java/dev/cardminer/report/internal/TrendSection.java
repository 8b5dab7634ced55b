package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Documentation by creation month, when the source gives dates. */
public final class TrendSection implements ReportSection {

    @Override
    public String id() {
        return "trends";
    }

    @Override
    public String title() {
        return "Trends by creation month";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long dated = store.count("SELECT count(created_at) FROM cards");
        if (dated == 0) {
            out.paragraph("The source gives no creation dates for these cards (cards.created_at is empty), so "
                    + "there are no trends to show.");
            return;
        }
        String modelIndex = store.countCardsWithKey("model-index");
        List<Object[]> rows = store.rows("SELECT strftime(created_at, '%Y-%m') AS month, count(*), avg(completeness), "
                + "count(*) FILTER (WHERE has_metadata), " + modelIndex
                + " FROM cards WHERE created_at IS NOT NULL GROUP BY month ORDER BY month");
        out.paragraph(ReportContext.count(dated) + " of " + ReportContext.count(ctx.totalCards())
                + " cards have a creation date (" + ReportContext.percentText(dated, ctx.totalCards()) + "), from "
                + rows.get(0)[0] + " to " + rows.get(rows.size() - 1)[0] + ".");
        out.note("Months are those of the repository's creation as the source gives it. Months with few cards "
                + "swing widely; the table gives the counts behind each point.");
        List<YearMonth> months = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> completeness = new ArrayList<>();
        List<Double> metadata = new ArrayList<>();
        List<Double> evals = new ArrayList<>();
        Table.Builder t = Table.builder("trends", "Cards by creation month, newest first", "month", "cards",
                "mean completeness (%)", "with metadata (%)", "with model-index (%)");
        for (Object[] row : rows.reversed()) {
            long n = StoreView.asLong(row[1]);
            t.row(StoreView.asString(row[0]), n, new Cells.Percent(100 * StoreView.asDouble(row[2])),
                    ReportContext.percent(StoreView.asLong(row[3]), n), ReportContext.percent(StoreView.asLong(row[4]), n));
        }
        for (Object[] row : rows) {
            long n = StoreView.asLong(row[1]);
            months.add(YearMonth.parse(StoreView.asString(row[0])));
            counts.add((double) n);
            double c = 100 * StoreView.asDouble(row[2]);
            completeness.add(c);
            metadata.add(ReportContext.percent(StoreView.asLong(row[3]), n).value());
            evals.add(ReportContext.percent(StoreView.asLong(row[4]), n).value());
        }
        ctx.charts().monthlyLines(ctx.assets().image("trends-documentation"), "Documentation by creation month",
                "share of cards created that month", List.of(
                        new ChartRenderer.MonthSeries("mean completeness", months, completeness),
                        new ChartRenderer.MonthSeries("with metadata", months, metadata),
                        new ChartRenderer.MonthSeries("with model-index", months, evals)), true);
        out.figure(ctx.assets().imageHref("trends-documentation"),
                "Line chart: mean completeness, share with metadata and share with model-index by creation month");
        ctx.charts().monthlyLines(ctx.assets().image("trends-cards"), "Cards created per month", "cards",
                List.of(new ChartRenderer.MonthSeries("cards", months, counts)), false);
        out.figure(ctx.assets().imageHref("trends-cards"), "Line chart: cards by creation month");
        ctx.table(out, t.build());
    }
}
