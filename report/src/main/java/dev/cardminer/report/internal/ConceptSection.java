package dev.cardminer.report.internal;

import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptSummary;
import dev.cardminer.io.concepts.ConceptQueries;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Concepts annotated in card sentences, laid out as seed 000's tables (total annotations, unique
 * subjects and categories, top subjects and categories with their share, subjects of 'metric'),
 * with word clouds of subjects and categories.
 */
public final class ConceptSection implements ReportSection {

    private static final int TOP = 20;
    private static final int TOP_METRICS = 30;
    private static final int CLOUD_WORDS = 150;

    @Override
    public String id() {
        return "concepts";
    }

    @Override
    public String title() {
        return "Concepts";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        if (!store.has("annotations") || store.count("SELECT count(*) FROM annotations") == 0) {
            out.paragraph("The store has no concept annotations yet, so there are no concept tables.");
            return;
        }
        ConceptQueries queries = new ConceptQueries(store.connection());
        ConceptSummary summary = queries.summary(null, TOP, false);
        out.facts(List.of(
                new HtmlSection.Fact("total annotations", ReportContext.count(summary.annotations())),
                new HtmlSection.Fact("unique subjects", ReportContext.count(summary.uniqueSubjects())),
                new HtmlSection.Fact("unique categories", ReportContext.count(summary.uniqueCategories())),
                new HtmlSection.Fact("cards annotated", ReportContext.count(
                        store.count("SELECT count(DISTINCT card_id) FROM annotations")))));
        out.note("Each annotation marks a subject (a span of a card sentence) with a free-text category. Variants of "
                + "a subject or category are merged; 'merged forms' lists the forms counted together. Proportions "
                + "are percentages of all annotations (of the 'metric' category's annotations in its table).");
        Table.Builder annotators = Table.builder("concept-annotators", "Annotators", "annotator", "annotations",
                "cards");
        for (Object[] row : store.rows("SELECT annotator, count(*) AS n, count(DISTINCT card_id) FROM annotations "
                + "GROUP BY annotator ORDER BY n DESC, annotator")) {
            annotators.row(StoreView.asString(row[0]), StoreView.asLong(row[1]), StoreView.asLong(row[2]));
        }
        ctx.table(out, annotators.build());

        out.subheading("The most frequent subjects");
        ctx.table(out, table("concept-subjects", "Top " + TOP + " subjects", "subject", summary.topSubjects()));
        out.subheading("The most frequent categories");
        ctx.table(out, table("concept-categories", "Top " + TOP + " categories", "category", summary.topCategories()));
        out.subheading("Subjects of the category 'metric'");
        ConceptSummary metrics = queries.summary("metric", TOP_METRICS, false);
        if (metrics.annotations() == 0) {
            out.paragraph("No annotation has the category 'metric'.");
        } else {
            ctx.table(out, table("concept-metric-subjects", "Top " + TOP_METRICS + " subjects of category 'metric' ("
                    + ReportContext.count(metrics.annotations()) + " annotations)", "subject", metrics.topSubjects()));
        }

        ConceptSummary cloud = queries.summary(null, CLOUD_WORDS, false);
        out.subheading("Word clouds");
        ctx.clouds().write(ctx.assets().image("concept-subjects-cloud"), weights(cloud.topSubjects()), 1);
        out.figure(ctx.assets().imageHref("concept-subjects-cloud"), "Word cloud of the most frequent subjects");
        ctx.clouds().write(ctx.assets().image("concept-categories-cloud"), weights(cloud.topCategories()), 2);
        out.figure(ctx.assets().imageHref("concept-categories-cloud"), "Word cloud of the most frequent categories");
        out.note("Word size grows with the square root of the count; the " + CLOUD_WORDS + " most frequent subjects "
                + "and categories are drawn.");
    }

    private static Table table(String name, String caption, String label, List<ConceptCount> counts) {
        Table.Builder t = Table.builder(name, caption, "rank", label, "count", "proportion (%)", "merged forms");
        int rank = 0;
        for (ConceptCount c : counts) {
            t.row(++rank, c.name(), c.count(), new Cells.Percent(c.proportion()), new Cells.Texts(c.forms()));
        }
        return t.build();
    }

    private static Map<String, Long> weights(List<ConceptCount> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ConceptCount c : counts) {
            if (c.name() != null) {
                out.merge(c.name(), c.count(), Long::sum);
            }
        }
        return out;
    }
}
