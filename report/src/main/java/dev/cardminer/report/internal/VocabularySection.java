package dev.cardminer.report.internal;

import dev.cardminer.core.Vocabularies;
import dev.cardminer.report.ReportFigures;
import java.io.IOException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The distribution of one metadata key whose values the Hub checks (license, pipeline_tag,
 * library_name, language), with the values the Hub would reject flagged.
 */
public final class VocabularySection implements ReportSection {

    /** What the Hub would make of a value. */
    public enum Verdict {
        ACCEPTED("accepted"), REJECTED("rejected");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int BARS = 20;
    private static final List<ChartRenderer.Group> GROUPS = List.of(
            new ChartRenderer.Group("accepted by the Hub", ChartRenderer.PALETTE.get(0)),
            new ChartRenderer.Group("the Hub would reject it", ChartRenderer.PALETTE.get(3)));

    private final String id;
    private final String title;
    private final String key;
    private final Function<Vocabularies, Function<String, Verdict>> check;
    private final String rule;
    /** The column of {@code cards} with the Hub's own value of the key, or null when the Hub has none. */
    private final String hubColumn;

    private VocabularySection(String id, String title, String key,
                              Function<Vocabularies, Function<String, Verdict>> check, String rule, String hubColumn) {
        this.id = id;
        this.title = title;
        this.key = key;
        this.check = check;
        this.rule = rule;
        this.hubColumn = hubColumn;
    }

    public static VocabularySection licenses() {
        return new VocabularySection("licenses", "Licenses", "license", v -> in(v.licenses()),
                "Accepted values are the Hub's license ids (" + "compared exactly; 'other' means a custom licence).", null);
    }

    public static VocabularySection pipelineTags() {
        return new VocabularySection("pipeline-tags", "Pipeline tags", "pipeline_tag", v -> in(v.pipelineTags()),
                "Accepted values are the Hub's task ids (compared exactly).", "pipeline_tag");
    }

    public static VocabularySection libraries() {
        return new VocabularySection("libraries", "Libraries", "library_name", v -> in(v.libraries()),
                "Accepted values are the Hub's library ids (compared exactly; the Hub is case-sensitive here).",
                "library_name");
    }

    public static VocabularySection languages() {
        return new VocabularySection("languages", "Languages", "language", v -> in(v.languages()),
                "The Hub accepts ISO 639-1, 639-2 and 639-3 codes and rejects others (such as 'jp', 'es-ES', "
                + "'noinfo'). Values are checked against the bundled list of all three (8,138 codes).", null);
    }

    private static Function<String, Verdict> in(Set<String> accepted) {
        return value -> value != null && accepted.contains(value) ? Verdict.ACCEPTED : Verdict.REJECTED;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        if (!store.has("metadata_values")) {
            out.paragraph("The store has no metadata values table.");
            return;
        }
        Function<String, Verdict> verdict = check.apply(ctx.vocabularies());
        long declaring = store.count("SELECT count(DISTINCT card_id) FROM metadata_values WHERE key = ?", key);
        List<ReportFigures.ValueUse> values = new ReportFigures(store.connection()).values(key);
        long rejectedCards = 0;
        // One row per card: a card counts once however many of its values are rejected.
        for (Object[] row : store.rows("SELECT card_id, list(DISTINCT value) FROM metadata_values "
                + "WHERE key = ? GROUP BY card_id", key)) {
            if (anyRejected(row[1], verdict)) {
                rejectedCards++;
            }
        }
        out.facts(List.of(
                new HtmlSection.Fact("cards with " + key, ReportContext.percentText(declaring, ctx.totalCards())),
                new HtmlSection.Fact("distinct values", ReportContext.count(values.size())),
                new HtmlSection.Fact("cards with a value the Hub would reject",
                        ReportContext.count(rejectedCards) + " (" + ReportContext.percentText(rejectedCards,
                                ctx.totalCards()) + ")")));
        out.note("Values of the '" + key + "' key in the cards' metadata blocks (each item of a list counts). "
                + rule);
        if (values.isEmpty()) {
            out.paragraph("No card declares " + key + " in its metadata.");
        } else {
            yamlValues(ctx, out, values, verdict);
        }
        if (hubColumn != null) {
            hubValues(ctx, out, verdict);
        }
    }

    private void yamlValues(ReportContext ctx, HtmlSection out, List<ReportFigures.ValueUse> values, Function<String, Verdict> verdict)
            throws IOException {
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        boolean anyRejected = false;
        Table.Builder t = Table.builder(id, "Values of " + key, "value", "cards", "share of all cards (%)",
                "Hub check");
        for (ReportFigures.ValueUse row : values) {
            String value = row.value();
            long n = row.cards();
            Verdict v = verdict.apply(value);
            t.row(value, n, ctx.shareOfCards(n), v.label());
            if (bars.size() < BARS) {
                bars.add(new ChartRenderer.Bar(value, ctx.shareOfCards(n).value(), v.ordinal()));
                anyRejected |= v == Verdict.REJECTED;
            }
        }
        // A legend only when the chart shows more than accepted values.
        List<ChartRenderer.Group> groups = anyRejected ? GROUPS : List.of(GROUPS.get(0));
        ctx.charts().horizontalBars(ctx.assets().image(id), title + " (top " + bars.size() + ")",
                "share of all cards", bars, groups, true);
        out.figure(ctx.assets().imageHref(id), "Bar chart: share of cards with each " + key + " value");
        ctx.table(out, t.build());
    }

    /**
     * The Hub's own value (the source's column, as the Hub dataset gives it), which the Hub fills from the
     * YAML or infers when the YAML has no such key: shown apart from the YAML's values, labelled.
     */
    private void hubValues(ReportContext ctx, HtmlSection out, Function<String, Verdict> verdict)
            throws SQLException, IOException {
        StoreView store = ctx.store();
        long withHub = store.count("SELECT count(*) FROM cards WHERE " + hubColumn + " IS NOT NULL");
        if (withHub == 0) {
            return;
        }
        List<Object[]> values = store.rows("SELECT c." + hubColumn + ", count(*) AS n, count(*) FILTER (WHERE NOT EXISTS "
                + "(SELECT 1 FROM metadata_values m WHERE m.card_id = c.id AND m.key = ?)) AS hub_only FROM cards c "
                + "WHERE c." + hubColumn + " IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1", key);
        long hubOnly = values.stream().mapToLong(r -> StoreView.asLong(r[2])).sum();
        out.subheading("The Hub's " + key + " (the source's own column)");
        out.facts(List.of(
                new HtmlSection.Fact("cards with a Hub " + key, ReportContext.percentText(withHub, ctx.totalCards())),
                new HtmlSection.Fact("of them without " + key + " in the YAML", ReportContext.count(hubOnly) + " ("
                        + ReportContext.percentText(hubOnly, ctx.totalCards()) + " of all cards)")));
        out.note("The value the Hub records for each model (the Hub dataset's " + hubColumn + " column), which it takes "
                + "from the metadata or, when the YAML has no " + key + ", infers (from the files or the library's "
                + "config). These are not the YAML values above; a card can appear in both.");
        Table.Builder t = Table.builder(id + "-hub", "The Hub's " + key + " values", "value", "cards",
                "share of all cards (%)", "cards without the key in YAML", "Hub check");
        for (Object[] row : values) {
            String value = StoreView.asString(row[0]);
            long n = StoreView.asLong(row[1]);
            t.row(value, n, ctx.shareOfCards(n), StoreView.asLong(row[2]), verdict.apply(value).label());
        }
        ctx.table(out, t.build());
    }

    private static boolean anyRejected(Object list, Function<String, Verdict> verdict) throws SQLException {
        Object[] items = list instanceof Array array ? (Object[]) array.getArray()
                : list instanceof List<?> l ? l.toArray() : new Object[] {list};
        for (Object item : items) {
            if (item != null && verdict.apply(item.toString()) == Verdict.REJECTED) {
                return true;
            }
        }
        return false;
    }
}
