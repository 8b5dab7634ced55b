package dev.cardminer.report.internal;

import dev.cardminer.report.ReportFigures;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Evaluation results (model-index): how many cards have them, and the metrics, datasets and tasks used. */
public final class EvaluationSection implements ReportSection {

    private static final int BARS = 20;

    @Override
    public String id() {
        return "evaluation";
    }

    @Override
    public String title() {
        return "Evaluation results";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long withIndex = store.has("metadata")
                ? store.count("SELECT count(DISTINCT card_id) FROM metadata WHERE key = 'model-index'") : 0;
        if (!store.has("eval_results")) {
            out.paragraph("The store has no evaluation results table.");
            return;
        }
        Object[] totals = store.rows("""
                SELECT count(*), count(DISTINCT card_id), count(*) FILTER (WHERE verified),
                       count(metric_value)
                FROM eval_results""").get(0);
        long results = StoreView.asLong(totals[0]);
        long cardsWithResults = StoreView.asLong(totals[1]);
        out.facts(List.of(
                new HtmlSection.Fact("cards with a model-index", ReportContext.percentText(withIndex, ctx.totalCards())),
                new HtmlSection.Fact("cards with readable results",
                        ReportContext.percentText(cardsWithResults, ctx.totalCards())),
                new HtmlSection.Fact("results (one per metric)", ReportContext.count(results)),
                new HtmlSection.Fact("verified by the Hub",
                        ReportContext.percentText(StoreView.asLong(totals[2]), results))));
        out.note("A model-index is the metadata key holding evaluation results. Readable results are those cardminer "
                + "could flatten into one row per metric (task, dataset, metric, value); "
                + ReportContext.percentText(StoreView.asLong(totals[3]), results)
                + " of them have a numeric value. Metrics are named by their type id (their display name when "
                + "the type is missing), datasets by their Hub id (or name).");
        if (results == 0) {
            out.paragraph("No card has evaluation results the report can read.");
            return;
        }
        metrics(ctx, out);
        top(ctx, out, "eval-datasets", "Datasets most evaluated on", "dataset",
                "coalesce(dataset_type, dataset_name)", true);
        top(ctx, out, "eval-tasks", "Tasks", "task", "task_type", false);
    }

    /**
     * Metrics with their variants merged as concept variants are ("acc", "accuracy" and "Accuracy" are one
     * row, named by the gazetteer's canonical form), each row listing the forms it merged.
     */
    private static void metrics(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        String name = "eval-metrics";
        String caption = "Metrics most used";
        List<ReportFigures.MetricUse> metrics = new ReportFigures(ctx.store().connection()).metrics();
        out.subheading(caption);
        out.note("Variants of a metric are merged as concept variants are (\"acc\" and \"accuracy\" are one row, "
                + "named by its usual form); the last column lists the forms merged, most used first.");
        Table.Builder t = Table.builder(name, caption, "metric", "cards", "share of all cards (%)", "results",
                "forms");
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        for (ReportFigures.MetricUse m : metrics) {
            t.row(m.metric(), m.cards(), ctx.shareOfCards(m.cards()), m.results(), new Cells.Texts(m.forms()));
            if (bars.size() < BARS) {
                bars.add(new ChartRenderer.Bar(m.metric(), m.cards(), 0));
            }
        }
        if (!bars.isEmpty()) {
            ctx.charts().horizontalBars(ctx.assets().image(name), caption + " (top " + bars.size() + ", by cards)",
                    "cards", bars, ChartRenderer.ONE_GROUP, false);
            out.figure(ctx.assets().imageHref(name), "Bar chart: " + caption);
        }
        ctx.table(out, t.build());
    }

    private static void top(ReportContext ctx, HtmlSection out, String name, String caption, String label,
                            String expression, boolean chart) throws SQLException, IOException {
        List<Object[]> rows = ctx.store().rows("SELECT " + expression + " AS v, count(*) AS results, "
                + "count(DISTINCT card_id) AS cards FROM eval_results WHERE " + expression + " IS NOT NULL "
                + "GROUP BY v ORDER BY cards DESC, results DESC, v");
        out.subheading(caption);
        Table.Builder t = Table.builder(name, caption, label, "cards", "share of all cards (%)", "results");
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        for (Object[] row : rows) {
            long cards = StoreView.asLong(row[2]);
            t.row(StoreView.asString(row[0]), cards, ctx.shareOfCards(cards), StoreView.asLong(row[1]));
            if (bars.size() < BARS) {
                bars.add(new ChartRenderer.Bar(StoreView.asString(row[0]), cards, 0));
            }
        }
        if (chart && !bars.isEmpty()) {
            ctx.charts().horizontalBars(ctx.assets().image(name), caption + " (top " + bars.size() + ", by cards)",
                    "cards", bars, ChartRenderer.ONE_GROUP, false);
            out.figure(ctx.assets().imageHref(name), "Bar chart: " + caption);
        }
        ctx.table(out, t.build());
    }
}
