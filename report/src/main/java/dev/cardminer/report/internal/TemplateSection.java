package dev.cardminer.report.internal;

import dev.cardminer.core.CanonicalSection;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sections of the Hub's model card template cards have, with real content or placeholders
 * only, beside the published figures of Liang et al. 2024 (quoted, not recomputed).
 */
public final class TemplateSection implements ReportSection {

    /** How one template section (or group) fares: cards that have it, with content, placeholder only. */
    record Fill(long present, long content, long placeholderOnly) {
        long emptyOnly() {
            return present - content - placeholderOnly;
        }
    }

    /** Liang et al. 2024, as stated in the paper; used only as quotes beside this corpus' figures. */
    private static final Map<CanonicalSection, String> LIANG = Map.of(
            CanonicalSection.TRAINING_DETAILS, "best filled (as \"Training\")",
            CanonicalSection.ENVIRONMENTAL_IMPACT, "among the least filled",
            CanonicalSection.BIAS_RISKS_AND_LIMITATIONS, "among the least filled (as \"Limitations\")",
            CanonicalSection.EVALUATION, "among the least filled");

    @Override
    public String id() {
        return "template";
    }

    @Override
    public String title() {
        return "Template sections";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long cards = ctx.totalCards();
        if (!store.has("sections")) {
            out.paragraph("The store has no sections table, so template sections cannot be shown.");
            return;
        }
        Map<String, CanonicalSection> byTitle = new HashMap<>();
        for (CanonicalSection s : CanonicalSection.values()) {
            byTitle.put(s.title(), s);
        }
        String mapping = mapping();
        Map<CanonicalSection, long[]> own = fills(store, mapping, "title", byTitle);
        Map<CanonicalSection, long[]> groups = fills(store, mapping, "top", byTitle);
        long withTemplate = store.count(mapping + " SELECT count(DISTINCT s.card_id) FROM sections s "
                + "JOIN m ON s.canonical = m.name");
        out.facts(List.of(
                new HtmlSection.Fact("cards with a template heading", ReportContext.percentText(withTemplate, cards)),
                new HtmlSection.Fact("template sections", String.valueOf(CanonicalSection.values().length))));
        out.note("A card has a section when one of its headings maps to that section of the Hub's annotated model "
                + "card template. With content: at least one such heading has text of its own that is not a "
                + "template placeholder. Placeholder only: the section is there, but its text is only "
                + "placeholders such as \"[More Information Needed]\". Empty: the heading has no text of its own "
                + "(sub-sections aside). Shares are of all " + ReportContext.count(cards) + " cards.");

        List<String> labels = new ArrayList<>();
        List<Double> content = new ArrayList<>();
        List<Double> placeholder = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        Table.Builder t = Table.builder("template-sections", "Template sections, in template order", "section",
                "part of", "cards with it", "present (%)", "with content (%)", "placeholder only (%)", "empty (%)");
        for (CanonicalSection s : CanonicalSection.values()) {
            Fill f = fill(own.get(s));
            labels.add(s.title());
            content.add(ctx.shareOfCards(f.content()).value());
            placeholder.add(ctx.shareOfCards(f.placeholderOnly()).value());
            empty.add(ctx.shareOfCards(f.emptyOnly()).value());
            t.row(s.title(), s.parent() == null ? "" : s.parent().title(), f.present(), ctx.shareOfCards(f.present()),
                    ctx.shareOfCards(f.content()), ctx.shareOfCards(f.placeholderOnly()),
                    ctx.shareOfCards(f.emptyOnly()));
        }
        ctx.charts().stackedHorizontalBars(ctx.assets().image("template-sections"),
                "Cards with each template section", "share of all cards", labels,
                List.of(new ChartRenderer.Series("with content", content),
                        new ChartRenderer.Series("placeholder only", placeholder),
                        new ChartRenderer.Series("empty", empty)), true);
        out.figure(ctx.assets().imageHref("template-sections"),
                "Stacked bar chart: share of cards with each template section, by content, placeholder only, empty");
        ctx.wholeTable(out, t.build());

        out.subheading("Top-level sections with their sub-sections, beside Liang et al. 2024");
        List<CanonicalSection> tops = new ArrayList<>();
        for (CanonicalSection s : CanonicalSection.values()) {
            if (s.parent() == null) {
                tops.add(s);
            }
        }
        Table.Builder g = Table.builder("template-groups",
                "Top-level template sections counted with their sub-sections", "section", "cards with it",
                "present (%)", "with content (%)", "placeholder only (%)", "rank by content",
                "Liang et al. 2024 (quoted)");
        for (CanonicalSection s : tops) {
            Fill f = fill(groups.get(s));
            g.row(s.title(), f.present(), ctx.shareOfCards(f.present()), ctx.shareOfCards(f.content()),
                    ctx.shareOfCards(f.placeholderOnly()), rank(s, tops, groups) + " of " + tops.size(),
                    LIANG.getOrDefault(s, ""));
        }
        ctx.wholeTable(out, g.build());
        comparison(ctx, out, tops, groups);
    }

    private static void comparison(ReportContext ctx, HtmlSection out, List<CanonicalSection> tops,
                                   Map<CanonicalSection, long[]> groups) throws IOException, SQLException {
        List<CanonicalSection> byContent = new ArrayList<>(tops);
        byContent.sort((a, b) -> Long.compare(fill(groups.get(b)).content(), fill(groups.get(a)).content()));
        CanonicalSection best = byContent.get(0);
        List<CanonicalSection> least = byContent.subList(byContent.size() - 3, byContent.size());
        Table.Builder c = Table.builder("liang-comparison", "Published figures (quoted) and this corpus",
                "Liang et al. 2024 (quoted, about 32k cards)", "this corpus (computed)");
        c.row("44.2% of model repositories had a card.",
                "Not comparable: the store holds cards only, not the repositories without one.");
        c.row("Training is the best filled section.",
                "Training Details: " + pct(ctx, groups, CanonicalSection.TRAINING_DETAILS) + " with content, rank "
                        + rank(CanonicalSection.TRAINING_DETAILS, tops, groups) + " of " + tops.size()
                        + ". Best filled here: " + best.title() + " (" + pct(ctx, groups, best) + ").");
        StringBuilder leastHere = new StringBuilder();
        for (CanonicalSection s : least.reversed()) {
            leastHere.append(leastHere.isEmpty() ? "" : ", ").append(s.title()).append(" (")
                    .append(pct(ctx, groups, s)).append(')');
        }
        c.row("Environmental Impact, Limitations and Evaluation are the least filled sections.",
                "Environmental Impact " + pct(ctx, groups, CanonicalSection.ENVIRONMENTAL_IMPACT) + " (rank "
                        + rank(CanonicalSection.ENVIRONMENTAL_IMPACT, tops, groups) + "), Bias, Risks, and Limitations "
                        + pct(ctx, groups, CanonicalSection.BIAS_RISKS_AND_LIMITATIONS) + " (rank "
                        + rank(CanonicalSection.BIAS_RISKS_AND_LIMITATIONS, tops, groups) + "), Evaluation "
                        + pct(ctx, groups, CanonicalSection.EVALUATION) + " (rank "
                        + rank(CanonicalSection.EVALUATION, tops, groups) + "). Least filled here: " + leastHere + ".");
        ctx.table(out, c.build());
        out.note("The left column quotes Liang et al. 2024 (\"What's documented in AI? Systematic analysis of 32K AI "
                + "model cards\"); their figures are not recomputed here and no other figure of theirs is used. "
                + "Their sections are matched to the template's top-level sections: Training to Training Details, "
                + "Limitations to Bias, Risks, and Limitations. Filled here means the section or one of its "
                + "sub-sections has real content; ranks are among the " + tops.size() + " top-level sections, "
                + "1 = best filled. The corpora differ (their sample of the Hub, this store's cards), so the "
                + "comparison is of orderings, not of exact shares.");

        Table otherHeadings = otherHeadings(ctx);
        if (!otherHeadings.rows().isEmpty()) {
            out.subheading("Most frequent headings outside the template");
            long distinct = ctx.store().count("SELECT count(DISTINCT lower(trim(title))) FROM sections WHERE canonical "
                    + "IS NULL AND title IS NOT NULL AND trim(title) <> ''");
            if (distinct > otherHeadings.rows().size()) {
                out.note("The table and its CSV list the " + ReportContext.count(otherHeadings.rows().size())
                        + " most frequent of " + ReportContext.count(distinct) + " distinct headings.");
            }
            ctx.table(out, otherHeadings);
        }
    }

    private static Table otherHeadings(ReportContext ctx) throws SQLException {
        Table.Builder t = Table.builder("other-headings", "Headings that map to no template section (lower-cased)",
                "heading", "cards", "share of all cards (%)");
        for (Object[] row : ctx.store().rows("""
                SELECT lower(trim(title)) AS heading, count(DISTINCT card_id) AS n FROM sections
                WHERE canonical IS NULL AND title IS NOT NULL AND trim(title) <> ''
                GROUP BY heading ORDER BY n DESC, heading LIMIT 500""")) {
            long n = StoreView.asLong(row[1]);
            t.row(StoreView.asString(row[0]), n, ctx.shareOfCards(n));
        }
        return t.build();
    }

    /**
     * Cards per template section (column "title") or per top-level group (column "top"): present,
     * with content, placeholder only. A card counts once per section however many headings map to it.
     */
    private static Map<CanonicalSection, long[]> fills(StoreView store, String mapping, String column,
                                                       Map<String, CanonicalSection> byTitle) throws SQLException {
        Map<CanonicalSection, long[]> out = new EnumMap<>(CanonicalSection.class);
        for (Object[] row : store.rows(mapping + """
                , per AS (
                  SELECT s.card_id, m.%s AS section,
                         bool_or(NOT coalesce(s.placeholder, false) AND NOT coalesce(s.empty, false)) AS content,
                         bool_or(coalesce(s.placeholder, false)) AS ph
                  FROM sections s JOIN m ON s.canonical = m.name GROUP BY s.card_id, m.%s)
                SELECT section, count(*), count(*) FILTER (WHERE content),
                       count(*) FILTER (WHERE NOT content AND ph)
                FROM per GROUP BY section""".formatted(column, column))) {
            out.put(byTitle.get(StoreView.asString(row[0])), new long[] {
                    StoreView.asLong(row[1]), StoreView.asLong(row[2]), StoreView.asLong(row[3])});
        }
        return out;
    }

    /** A SQL CTE m(name, title, top): the store's canonical value (title or enum name) to section and group. */
    private static String mapping() {
        StringBuilder values = new StringBuilder();
        for (CanonicalSection s : CanonicalSection.values()) {
            for (String name : List.of(s.title(), s.name())) {
                values.append(values.isEmpty() ? "" : ", ").append('(').append(literal(name)).append(", ")
                        .append(literal(s.title())).append(", ").append(literal(top(s).title())).append(')');
            }
        }
        return "WITH m(name, title, top) AS (VALUES " + values + ")";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String pct(ReportContext ctx, Map<CanonicalSection, long[]> groups, CanonicalSection s) {
        return ReportContext.percentText(fill(groups.get(s)).content(), ctx.totalCards());
    }

    /** Competition rank (1 = most cards with content; ties share a rank). */
    private static int rank(CanonicalSection s, List<CanonicalSection> tops, Map<CanonicalSection, long[]> groups) {
        long mine = fill(groups.get(s)).content();
        int better = 0;
        for (CanonicalSection other : tops) {
            if (fill(groups.get(other)).content() > mine) {
                better++;
            }
        }
        return better + 1;
    }

    private static Fill fill(long[] f) {
        return f == null ? new Fill(0, 0, 0) : new Fill(f[0], f[1], f[2]);
    }

    private static CanonicalSection top(CanonicalSection s) {
        CanonicalSection t = s;
        while (t.parent() != null) {
            t = t.parent();
        }
        return t;
    }
}
