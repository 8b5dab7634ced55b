package dev.cardminer.report.internal;

import dev.cardminer.report.ReportFigures;
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
        List<ReportFigures.MonthTrend> rows = new ReportFigures(store.connection()).trends();
        out.paragraph(ReportContext.count(dated) + " of " + ReportContext.count(ctx.totalCards())
                + " cards have a creation date (" + ReportContext.percentText(dated, ctx.totalCards()) + "), from "
                + rows.get(0).month() + " to " + rows.get(rows.size() - 1).month() + ".");
        out.note("Months are those of the repository's creation as the source gives it. Months with few cards "
                + "swing widely; the table gives the counts behind each point.");
        List<YearMonth> months = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> completeness = new ArrayList<>();
        List<Double> metadata = new ArrayList<>();
        List<Double> evals = new ArrayList<>();
        Table.Builder t = Table.builder("trends", "Cards by creation month, newest first", "month", "cards",
                "mean completeness (%)", "with metadata (%)", "with model-index (%)");
        for (ReportFigures.MonthTrend row : rows.reversed()) {
            long n = row.cards();
            t.row(row.month(), n, new Cells.Percent(100 * row.meanCompleteness()),
                    ReportContext.percent(row.withMetadata(), n), ReportContext.percent(row.withModelIndex(), n));
        }
        for (ReportFigures.MonthTrend row : rows) {
            long n = row.cards();
            months.add(YearMonth.parse(row.month()));
            counts.add((double) n);
            completeness.add(100 * row.meanCompleteness());
            metadata.add(ReportContext.percent(row.withMetadata(), n).value());
            evals.add(ReportContext.percent(row.withModelIndex(), n).value());
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
