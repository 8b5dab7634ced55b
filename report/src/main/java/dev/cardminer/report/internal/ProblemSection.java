package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The most frequent problems: code, severity, how many cards, example cards. */
public final class ProblemSection implements ReportSection {

    private static final int BARS = 20;
    private static final int EXAMPLES = 3;
    private static final List<String> SEVERITIES = List.of("error", "warning", "info");
    private static final List<ChartRenderer.Group> GROUPS = List.of(
            new ChartRenderer.Group("error", ChartRenderer.PALETTE.get(3)),
            new ChartRenderer.Group("warning", ChartRenderer.PALETTE.get(1)),
            new ChartRenderer.Group("info", ChartRenderer.PALETTE.get(4)));

    @Override
    public String id() {
        return "problems";
    }

    @Override
    public String title() {
        return "Problems";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        if (!store.has("problems") || store.count("SELECT count(*) FROM problems") == 0) {
            out.paragraph("No problems were recorded for these cards.");
            return;
        }
        List<HtmlSection.Fact> facts = new ArrayList<>();
        facts.add(new HtmlSection.Fact("cards with a problem", ReportContext.percentText(
                store.count("SELECT count(DISTINCT card_id) FROM problems"), ctx.totalCards())));
        for (String severity : SEVERITIES) {
            long n = store.count("SELECT count(DISTINCT card_id) FROM problems WHERE lower(severity) = ?", severity);
            String label = switch (severity) {
                case "error" -> "cards with an error";
                case "warning" -> "cards with a warning";
                default -> "cards with a note (info)";
            };
            facts.add(new HtmlSection.Fact(label, ReportContext.percentText(n, ctx.totalCards())));
        }
        out.facts(facts);
        out.note("Problems are what cardminer found wrong or doubtful while reading a card (invalid YAML, values the "
                + "Hub rejects, broken evaluation results, ...), each located by line. Example cards are the first "
                + "by id. The lint of cardminer check (recommended keys and template sections missing) is not counted "
                + "here: run check on the cards for it.");

        Map<String, List<String>> examples = new HashMap<>();
        for (Object[] row : store.rows("""
                SELECT code, severity, card_id FROM (
                  SELECT code, severity, card_id,
                         row_number() OVER (PARTITION BY code, severity ORDER BY card_id) AS rn
                  FROM (SELECT DISTINCT code, severity, card_id FROM problems))
                WHERE rn <= ? ORDER BY code, severity, card_id""", EXAMPLES)) {
            examples.computeIfAbsent(row[0] + "\u0000" + row[1], k -> new ArrayList<>())
                    .add(StoreView.asString(row[2]));
        }
        Table.Builder t = Table.builder("problems", "Problems by code", "code", "severity", "cards",
                "share of all cards (%)", "occurrences", "example cards", "example message");
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        for (Object[] row : store.rows("""
                SELECT code, severity, count(DISTINCT card_id) AS cards, count(*) AS n, min(message)
                FROM problems GROUP BY code, severity ORDER BY cards DESC, n DESC, code, severity""")) {
            String code = StoreView.asString(row[0]);
            String severity = StoreView.asString(row[1]);
            long cards = StoreView.asLong(row[2]);
            t.row(code, severity, cards, ctx.shareOfCards(cards), StoreView.asLong(row[3]),
                    new Cells.CardRefs(examples.getOrDefault(row[0] + "\u0000" + row[1], List.of())),
                    StoreView.asString(row[4]));
            if (bars.size() < BARS) {
                int group = severity == null ? 2 : Math.max(0, SEVERITIES.indexOf(severity.toLowerCase(Locale.ROOT)));
                bars.add(new ChartRenderer.Bar(code + " (" + severity + ")", cards, group));
            }
        }
        ctx.charts().horizontalBars(ctx.assets().image("problems"), "Most frequent problems (top " + bars.size()
                + ", by cards)", "cards", bars, GROUPS, false);
        out.figure(ctx.assets().imageHref("problems"), "Bar chart: cards with each problem");
        ctx.table(out, t.build());
    }
}
