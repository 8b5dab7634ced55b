package dev.cardminer.web.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 004's advice as a view: for a task (pipeline tag), the candidate models ranked by popularity
 * (downloads and likes, on a log scale within the task) and documentation quality (completeness,
 * limitations and evaluation sections, a license, eval results) with equal weight, and the reasons.
 */
final class ChoosePage {

    private static final int CANDIDATES = 25;

    private final ExplorerStore store;

    ChoosePage(ExplorerStore store) {
        this.store = store;
    }

    void render(Html h, Request request) throws SQLException {
        List<Object[]> tasks = store.cached("choose:tasks", c -> ExplorerStore.rows(c,
                "SELECT pipeline, count(*) FROM memory.main.card_facts WHERE pipeline IS NOT NULL "
                        + "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200"));
        String task = request.param("task");
        h.open("form", "method", "get", "action", "/choose", "class", "filters").open("label").text("task ")
                .open("select", "name", "task", "id", "task");
        for (Object[] t : tasks) {
            h.open("option", "value", String.valueOf(t[0]), "selected", String.valueOf(t[0]).equals(task) ? "selected" : null)
                    .text(t[0] + " (" + Html.number(ExplorerStore.asLong(t[1])) + ")").close("option");
        }
        h.close("select").close("label").open("button", "type", "submit").text("Rank").close("button").close("form");
        h.element("p", "Score = ½ popularity + ½ documentation. Popularity: log(1+downloads) and log(1+likes) "
                + "relative to the task's maximum (0.7/0.3). Documentation: completeness 0.4, limitations section 0.15, "
                + "evaluation section 0.15, license 0.15, eval results in the metadata 0.15.", "class", "note");
        if (task == null) {
            return;
        }
        List<Object[]> rows = store.rows("WITH t AS (SELECT *, ln(1 + coalesce(downloads, 0)) AS ld, "
                + "ln(1 + coalesce(likes, 0)) AS ll FROM memory.main.card_facts WHERE pipeline = ?), "
                + "m AS (SELECT greatest(max(ld), 1e-9) AS md, greatest(max(ll), 1e-9) AS ml FROM t), "
                + "s AS (SELECT t.*, 0.7 * ld / md + 0.3 * ll / ml AS popularity, "
                + "0.4 * coalesce(completeness, 0) + 0.15 * has_limitations::INTEGER + 0.15 * has_evaluation::INTEGER "
                + "+ 0.15 * (license IS NOT NULL)::INTEGER + 0.15 * (eval_count > 0)::INTEGER AS documentation "
                + "FROM t, m) SELECT id, downloads, likes, completeness, has_limitations, has_evaluation, license, "
                + "eval_count, popularity, documentation, 0.5 * popularity + 0.5 * documentation AS score FROM s "
                + "ORDER BY score DESC, id LIMIT ?", task, CANDIDATES);
        if (!rows.isEmpty() && rows.stream().allMatch(r -> r[1] == null && r[2] == null)) {
            // a store made from card files has no repo facts: the formula above would suggest a popularity it lacks
            h.element("p", "No model of this task has downloads or likes in this store (card files carry none; the "
                    + "Hub dataset's Parquet has them): popularity is 0 for every model, so the ranking is by "
                    + "documentation alone.", "class", "note", "id", "no-popularity");
        }
        h.open("table", "class", "choose", "id", "ranking").open("thead").open("tr");
        for (String c : List.of("#", "model", "downloads", "likes", "popularity", "documentation", "score", "reasons")) {
            h.element("th", c);
        }
        h.close("tr").close("thead").open("tbody");
        int rank = 1;
        for (Object[] r : rows) {
            h.open("tr").element("td", rank++, "class", "num").open("td").link(Request.cardUrl((String) r[0]), r[0])
                    .close("td")
                    .element("td", r[1] == null ? "" : Html.number(ExplorerStore.asLong(r[1])), "class", "num")
                    .element("td", r[2] == null ? "" : Html.number(ExplorerStore.asLong(r[2])), "class", "num")
                    .element("td", score(r[8]), "class", "num").element("td", score(r[9]), "class", "num")
                    .element("td", score(r[10]), "class", "num").element("td", String.join("; ", reasons(r))).close("tr");
        }
        h.close("tbody").close("table");
    }

    private static List<String> reasons(Object[] r) {
        List<String> out = new ArrayList<>();
        out.add("completeness " + Html.percent(ExplorerStore.asDouble(r[3])));
        out.add(Boolean.TRUE.equals(r[4]) ? "states limitations" : "no limitations section");
        out.add(Boolean.TRUE.equals(r[5]) ? "has an evaluation section" : "no evaluation section");
        out.add(r[6] == null ? "license unknown" : "license " + r[6]);
        long evals = ExplorerStore.asLong(r[7]);
        out.add(evals > 0 ? evals + " eval results" : "no eval results");
        return out;
    }

    private static String score(Object o) {
        return String.format(Locale.ROOT, "%.2f", ExplorerStore.asDouble(o));
    }
}
