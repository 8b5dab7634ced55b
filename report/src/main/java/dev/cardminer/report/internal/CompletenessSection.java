package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The distribution of completeness: the share of template sections a card fills with content. */
public final class CompletenessSection implements ReportSection {

    private static final int BINS = 10;

    @Override
    public String id() {
        return "completeness";
    }

    @Override
    public String title() {
        return "Completeness";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long scored = store.count("SELECT count(completeness) FROM cards");
        if (scored == 0) {
            out.paragraph("No card has a completeness score.");
            return;
        }
        Object[] stats = store.rows("""
                SELECT avg(completeness), median(completeness), quantile_cont(completeness, 0.25),
                       quantile_cont(completeness, 0.75), count(*) FILTER (WHERE completeness = 0),
                       count(*) FILTER (WHERE completeness >= 0.5)
                FROM cards WHERE completeness IS NOT NULL""").get(0);
        long zero = StoreView.asLong(stats[4]);
        long half = StoreView.asLong(stats[5]);
        out.facts(List.of(
                new HtmlSection.Fact("mean completeness", pct(stats[0])),
                new HtmlSection.Fact("median", pct(stats[1])),
                new HtmlSection.Fact("cards at 0%", ReportContext.percentText(zero, scored)),
                new HtmlSection.Fact("cards at 50% or more", ReportContext.percentText(half, scored))));
        out.note("Completeness is the share of the template's sections a card has with real content (0% to 100%). "
                + "Bins hold cards from their lower bound up to, not including, their upper bound; the last bin "
                + "includes 100%. Quartiles: " + pct(stats[2]) + " and " + pct(stats[3]) + ".");
        long[] counts = new long[BINS];
        for (Object[] row : store.rows("SELECT least(floor(completeness * " + BINS + ")::INTEGER, " + (BINS - 1)
                + ") AS bin, count(*) FROM cards WHERE completeness IS NOT NULL GROUP BY bin")) {
            int bin = (int) Math.max(0, StoreView.asLong(row[0]));
            counts[bin] += StoreView.asLong(row[1]);
        }
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        Table.Builder t = Table.builder("completeness", "Cards by completeness", "completeness", "cards",
                "share of scored cards (%)");
        for (int i = 0; i < BINS; i++) {
            String label = (100 * i / BINS) + "–" + (100 * (i + 1) / BINS) + "%";
            labels.add(label);
            shares.add(ReportContext.percent(counts[i], scored).value());
            t.row(label, counts[i], ReportContext.percent(counts[i], scored));
        }
        ctx.charts().verticalBars(ctx.assets().image("completeness"), "Completeness of cards", "completeness",
                "share of cards", labels, shares, true);
        out.figure(ctx.assets().imageHref("completeness"), "Histogram of card completeness");
        ctx.table(out, t.build());
    }

    private static String pct(Object fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * StoreView.asDouble(fraction));
    }
}
