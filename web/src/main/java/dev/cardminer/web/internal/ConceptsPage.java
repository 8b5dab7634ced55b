package dev.cardminer.web.internal;

import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptSummary;
import dev.cardminer.io.concepts.ConceptQueries;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's concept tables through {@link ConceptQueries} (merged or raw), each subject and category
 * linking to the sentences and cards where it occurs.
 */
final class ConceptsPage {

    private static final int TOP = 40;
    private static final int EXAMPLES = 100;

    private final ExplorerStore store;

    ConceptsPage(ExplorerStore store) {
        this.store = store;
    }

    void render(Html h, Request request) throws SQLException {
        if (!store.hasAnnotations()) {
            h.element("p", "The store has no annotations (run analyze with an annotator).", "class", "note");
            return;
        }
        boolean raw = "1".equals(request.param("raw"));
        String category = request.param("category");
        List<String> forms = request.all("form");
        h.open("p").link(Request.url("/concepts", "raw", raw ? null : "1", "category", category),
                raw ? "show merged variants" : "show raw surface forms").close("p");
        if (!forms.isEmpty()) {
            examples(h, forms, category);
            return;
        }
        ConceptSummary summary = store.cached("concepts:" + raw + ":" + category,
                c -> new ConceptQueries(c).summary(category, TOP, raw));
        h.element("p", Html.number(summary.annotations()) + " annotations, " + Html.number(summary.uniqueSubjects())
                + " distinct subjects, " + Html.number(summary.uniqueCategories()) + " categories"
                + (category == null ? "" : " (category " + category + ")") + ".");
        if (category == null) {
            h.element("h2", "Top categories");
            countTable(h, summary.topCategories(), true, null, raw);
        }
        h.element("h2", category == null ? "Top subjects" : "Top subjects in " + category);
        countTable(h, summary.topSubjects(), false, category, raw);
    }

    private static void countTable(Html h, List<ConceptCount> counts, boolean categories, String category,
                                   boolean raw) {
        h.open("table", "class", "concepts").open("thead").open("tr").element("th", categories ? "category" : "subject")
                .element("th", "count").element("th", "share").element("th", "forms").close("tr").close("thead")
                .open("tbody");
        for (ConceptCount c : counts) {
            String href;
            if (categories) {
                href = Request.url("/concepts", "category", c.name(), "raw", raw ? "1" : null);
            } else {
                List<String> pairs = new ArrayList<>(List.of("category", category == null ? "" : category));
                for (String f : c.forms().isEmpty() ? List.of(c.name()) : c.forms()) {
                    pairs.add("form");
                    pairs.add(f);
                }
                href = Request.url("/concepts", pairs.toArray(String[]::new));
            }
            h.open("tr").open("td").link(href, c.name(), "class", "concept-link").close("td")
                    .element("td", Html.number(c.count()), "class", "num")
                    .element("td", Html.percent(c.proportion()), "class", "num")
                    .element("td", String.join(", ", c.forms()), "class", "forms").close("tr");
        }
        h.close("tbody").close("table");
    }

    private void examples(Html h, List<String> forms, String category) throws SQLException {
        List<ConceptQueries.Example> examples = store.with(c -> new ConceptQueries(c).examples(forms, category, EXAMPLES));
        h.element("h2", "Where " + String.join(" / ", forms) + " occurs (one sentence per card, up to " + EXAMPLES + ")");
        h.open("table", "class", "examples").open("thead").open("tr").element("th", "card").element("th", "category")
                .element("th", "sentence").close("tr").close("thead").open("tbody");
        for (ConceptQueries.Example e : examples) {
            h.open("tr").open("td").link(Request.cardUrl(e.cardId()) + "#concepts", e.cardId()).close("td")
                    .element("td", e.category()).element("td", e.text()).close("tr");
        }
        h.close("tbody").close("table");
    }
}
