package dev.cardminer.web.internal;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.report.ReportFigures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The overview: headline figures and the report's main charts, each bar linking to its cards. */
final class OverviewPage {

    /** Bars per chart of the report's figures at most. */
    private static final int BARS = 15;
    /** Months shown in the trend charts. */
    private static final int MONTHS = 24;

    private final ExplorerStore store;
    private final Vocabularies vocabularies;

    OverviewPage(ExplorerStore store, Vocabularies vocabularies) {
        this.store = store;
        this.vocabularies = vocabularies;
    }

    void render(Html h) throws SQLException {
        Object[] head = store.cached("overview:head", c -> ExplorerStore.rows(c, "SELECT count(*), "
                + "count(*) FILTER (WHERE has_metadata), avg(completeness), sum(problem_count), "
                + "count(*) FILTER (WHERE eval_count > 0), count(DISTINCT pipeline), count(DISTINCT library) "
                + "FROM memory.main.card_facts").get(0));
        long cards = ExplorerStore.asLong(head[0]);
        h.open("div", "class", "facts");
        fact(h, Html.number(cards), "cards");
        fact(h, Html.percent(cards == 0 ? Double.NaN : ExplorerStore.asLong(head[1]) / (double) cards),
                "with a metadata block");
        fact(h, Html.percent(ExplorerStore.asDouble(head[2])), "mean completeness");
        fact(h, Html.number(ExplorerStore.asLong(head[3])), "problems");
        fact(h, Html.number(ExplorerStore.asLong(head[4])), "cards with eval results");
        h.close("div");
        h.element("p", "Click a bar to list the cards behind it.", "class", "note");

        BarChart.render(h, "chart-pipeline", "Cards by pipeline tag (Hub column, else YAML)",
                counts("pipeline", "SELECT pipeline, count(*) FROM memory.main.card_facts "
                        + "WHERE pipeline IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15", "pipeline"));
        BarChart.render(h, "chart-library", "Cards by library (Hub column, else YAML)",
                counts("library", "SELECT library, count(*) FROM memory.main.card_facts "
                        + "WHERE library IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15", "library"));
        BarChart.render(h, "chart-completeness", "Cards by completeness (share of the template's sections filled)",
                completeness());
        BarChart.render(h, "chart-sections", "Template sections: share of cards that fill them", sections(cards));
        BarChart.render(h, "chart-downloads", "Cards by downloads (Hub column)",
                counts("downloads", "SELECT download_bucket, count(*) FROM memory.main.card_facts "
                        + "WHERE download_bucket IS NOT NULL GROUP BY 1 ORDER BY min(downloads)", "downloads"));
        BarChart.render(h, "chart-month", "Cards by creation month (Hub column), the last 24 months with cards",
                counts("month", "SELECT * FROM (SELECT month, count(*) FROM memory.main.card_facts "
                        + "WHERE month IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 24) ORDER BY 1", "month"));
        BarChart.render(h, "chart-problems", "Cards by problem code",
                counts("problem", "SELECT code, count(DISTINCT card_id) FROM problems "
                        + "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15", "problem"));
        reportFigures(h, cards);
    }

    /** The report's evaluation, vocabulary and trend figures (ReportFigures), as charts of links. */
    private void reportFigures(Html h, long cards) throws SQLException {
        List<BarChart.Bar> metrics = new ArrayList<>();
        for (ReportFigures.MetricUse m : store.metrics()) {
            if (metrics.size() < BARS) {
                metrics.add(new BarChart.Bar(m.metric(), m.cards(), Html.number(m.cards()),
                        Request.url("/cards", "metric", m.metric())));
            }
        }
        BarChart.render(h, "chart-metrics", "Evaluation metrics: cards with results for each (variants merged)",
                metrics);
        BarChart.render(h, "chart-licenses", "Licences declared in the YAML (✗: not a Hub licence id)",
                values("license", vocabularies.licenses(), cards));
        BarChart.render(h, "chart-languages", "Languages declared in the YAML (✗: not an ISO 639 code)",
                values("language", vocabularies.languages(), cards));
        List<ReportFigures.MonthTrend> trends = store.cached("figures:trends", c -> new ReportFigures(c).trends());
        List<ReportFigures.MonthTrend> recent = trends.subList(Math.max(0, trends.size() - MONTHS), trends.size());
        List<BarChart.Bar> completeness = new ArrayList<>();
        List<BarChart.Bar> modelIndex = new ArrayList<>();
        for (ReportFigures.MonthTrend t : recent) {
            String href = Request.url("/cards", "month", t.month());
            completeness.add(new BarChart.Bar(t.month(), t.meanCompleteness(), Html.percent(t.meanCompleteness()), href));
            double share = t.cards() == 0 ? 0 : t.withModelIndex() / (double) t.cards();
            modelIndex.add(new BarChart.Bar(t.month(), share, Html.percent(share) + " of " + Html.number(t.cards()),
                    href));
        }
        BarChart.render(h, "chart-trend-completeness", "Mean completeness by creation month (the last " + MONTHS
                + " months with cards)", completeness);
        BarChart.render(h, "chart-trend-model-index", "Share of cards with a model-index by creation month",
                modelIndex);
    }

    /** A metadata key's most declared values, as a share of all cards, marked where the Hub would reject them. */
    private List<BarChart.Bar> values(String key, java.util.Set<String> accepted, long cards) throws SQLException {
        List<ReportFigures.ValueUse> values = store.cached("figures:values:" + key, c -> new ReportFigures(c).values(key));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (ReportFigures.ValueUse v : values.subList(0, Math.min(BARS, values.size()))) {
            double share = cards == 0 ? 0 : v.cards() / (double) cards;
            String label = accepted.contains(v.value()) ? v.value() : v.value() + " ✗";
            bars.add(new BarChart.Bar(label, share, Html.number(v.cards()) + " (" + Html.percent(share) + ")",
                    Request.url("/cards", "key", key, "value", v.value())));
        }
        return bars;
    }

    private List<BarChart.Bar> counts(String key, String sql, String param) throws SQLException {
        List<Object[]> rows = store.cached("overview:" + key, c -> ExplorerStore.rows(c, sql));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Object[] r : rows) {
            String label = String.valueOf(r[0]);
            long n = ExplorerStore.asLong(r[1]);
            bars.add(new BarChart.Bar(label, n, Html.number(n), Request.url("/cards", param, label)));
        }
        return bars;
    }

    private List<BarChart.Bar> completeness() throws SQLException {
        List<Object[]> rows = store.cached("overview:completeness", c -> ExplorerStore.rows(c,
                "SELECT least(floor(completeness * 10), 9)::INTEGER AS b, count(*) FROM memory.main.card_facts "
                        + "WHERE completeness IS NOT NULL GROUP BY 1 ORDER BY 1"));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Object[] r : rows) {
            int b = ((Number) r[0]).intValue();
            long n = ExplorerStore.asLong(r[1]);
            String min = String.format(Locale.ROOT, "%.1f", b / 10.0);
            String max = String.format(Locale.ROOT, "%.1f", (b + 1) / 10.0);
            bars.add(new BarChart.Bar(b * 10 + "–" + (b + 1) * 10 + "%", n, Html.number(n),
                    Request.url("/cards", "cmin", min, "cmax", max)));
        }
        return bars;
    }

    private List<BarChart.Bar> sections(long cards) throws SQLException {
        List<CanonicalSection> top = Arrays.stream(CanonicalSection.values()).filter(s -> s.parent() == null).toList();
        StringBuilder sql = new StringBuilder("SELECT 0");
        top.forEach(s -> sql.append(", count(*) FILTER (WHERE sections & ? <> 0)"));
        Object[] bits = top.stream().map(ExplorerStore::bit).toArray();
        Object[] row = store.cached("overview:sections", c -> ExplorerStore.rows(c,
                sql + " FROM memory.main.card_facts", bits).get(0));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            double share = cards == 0 ? 0 : ExplorerStore.asLong(row[i + 1]) / (double) cards;
            bars.add(new BarChart.Bar(top.get(i).title(), share, Html.percent(share),
                    Request.url("/cards", "has", top.get(i).title())));
        }
        return bars;
    }

    private static void fact(Html h, String value, String label) {
        h.open("div", "class", "fact").element("div", value, "class", "value").element("div", label, "class", "label")
                .close("div");
    }
}
