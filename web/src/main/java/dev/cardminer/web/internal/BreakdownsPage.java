package dev.cardminer.web.internal;

import dev.cardminer.core.CanonicalSection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Section fill rates and completeness by pipeline tag, library, creation month or download bucket
 * (Hub columns, falling back to the YAML's values), and the least documented of the most downloaded
 * cards. Each aggregate is computed once from {@code card_facts}.
 */
final class BreakdownsPage {

    /** Dimension parameter → column of card_facts and label. */
    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "pipeline", new String[] {"pipeline", "pipeline tag"},
            "library", new String[] {"library", "library"},
            "month", new String[] {"month", "creation month"},
            "downloads", new String[] {"download_bucket", "downloads"});
    private static final List<String> ORDER = List.of("pipeline", "library", "month", "downloads");
    /** Most downloaded cards considered for the "least documented" list. */
    static final int MOST_DOWNLOADED = 1000;
    private static final int GROUPS = 30;

    private final ExplorerStore store;

    BreakdownsPage(ExplorerStore store) {
        this.store = store;
    }

    void render(Html h, Request request) throws SQLException {
        String asked = request.param("by");
        String by = asked != null && DIMENSIONS.containsKey(asked) ? asked : "pipeline";
        String column = DIMENSIONS.get(by)[0];
        h.open("nav", "class", "tabs");
        for (String d : ORDER) {
            h.link(Request.url("/breakdowns", "by", d), "by " + DIMENSIONS.get(d)[1], "class", d.equals(by) ? "current" : null);
        }
        h.close("nav");
        List<CanonicalSection> top = Arrays.stream(CanonicalSection.values()).filter(s -> s.parent() == null).toList();
        String order = switch (by) {
            case "month" -> "1 DESC";
            case "downloads" -> "min(downloads) DESC";
            default -> "2 DESC, 1";
        };
        StringBuilder sql = new StringBuilder("SELECT f." + column + ", count(*), avg(f.completeness), "
                + "avg(f.has_metadata::INTEGER)");
        for (int i = 0; i < top.size(); i++) {
            sql.append(", avg((f.sections & ? <> 0)::INTEGER)");
        }
        sql.append(" FROM memory.main.card_facts f WHERE f." + column + " IS NOT NULL GROUP BY 1 ORDER BY " + order
                + " LIMIT " + GROUPS);
        Object[] params = top.stream().map(ExplorerStore::bit).toArray();
        List<Object[]> rows = store.cached("breakdown:" + by,
                c -> ExplorerStore.rows(c, sql.toString().replace("min(downloads)", "min(f.downloads)"), params));
        h.element("p", "Share of cards that fill each top-level template section (with real content), by "
                + DIMENSIONS.get(by)[1] + "; the " + GROUPS + " largest groups. Click a group for its cards, "
                + "a rate for the cards of that group missing the section.", "class", "note");
        h.open("div", "class", "scroll").open("table", "class", "breakdown", "id", "breakdown").open("thead").open("tr")
                .element("th", DIMENSIONS.get(by)[1]).element("th", "cards").element("th", "completeness")
                .element("th", "metadata");
        top.forEach(s -> h.element("th", s.title(), "class", "rot"));
        h.close("tr").close("thead").open("tbody");
        for (Object[] r : rows) {
            String group = String.valueOf(r[0]);
            h.open("tr").open("td").link(Request.url("/cards", by, group), group).close("td")
                    .element("td", Html.number(ExplorerStore.asLong(r[1])), "class", "num")
                    .element("td", Html.percent(ExplorerStore.asDouble(r[2])), "class", "num")
                    .element("td", Html.percent(ExplorerStore.asDouble(r[3])), "class", "num");
            for (int i = 0; i < top.size(); i++) {
                double rate = ExplorerStore.asDouble(r[4 + i]);
                h.open("td", "class", "num heat-" + Math.min(4, (int) Math.floor(rate * 5)))
                        .link(Request.url("/cards", by, group, "missing", top.get(i).title()), Html.percent(rate))
                        .close("td");
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        leastDocumented(h);
    }

    private void leastDocumented(Html h) throws SQLException {
        List<Object[]> rows = store.cached("breakdown:least", c -> ExplorerStore.rows(c,
                "SELECT id, downloads, completeness, has_limitations, has_evaluation, license FROM "
                        + "(SELECT * FROM memory.main.card_facts WHERE downloads IS NOT NULL "
                        + "ORDER BY downloads DESC LIMIT ?) ORDER BY completeness ASC NULLS FIRST, downloads DESC LIMIT 25",
                MOST_DOWNLOADED));
        h.element("h2", "Least documented among the " + Html.number(MOST_DOWNLOADED) + " most downloaded");
        h.open("table", "class", "least", "id", "least-documented").open("thead").open("tr").element("th", "card")
                .element("th", "downloads").element("th", "completeness").element("th", "what is missing")
                .close("tr").close("thead").open("tbody");
        for (Object[] r : rows) {
            List<String> missing = new ArrayList<>();
            if (!Boolean.TRUE.equals(r[3])) {
                missing.add("limitations");
            }
            if (!Boolean.TRUE.equals(r[4])) {
                missing.add("evaluation");
            }
            if (r[5] == null) {
                missing.add("license");
            }
            h.open("tr").open("td").link(Request.cardUrl((String) r[0]), r[0]).close("td")
                    .element("td", Html.number(ExplorerStore.asLong(r[1])), "class", "num")
                    .element("td", Html.percent(ExplorerStore.asDouble(r[2])), "class", "num")
                    .element("td", String.join(", ", missing)).close("tr");
        }
        if (rows.isEmpty()) {
            h.open("tr").element("td", "No card has a download count (a folder of cards has no Hub columns).",
                    "colspan", "4", "class", "note").close("tr");
        }
        h.close("tbody").close("table");
    }
}
