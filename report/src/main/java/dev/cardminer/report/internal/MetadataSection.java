package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Which cards have a metadata block, and how often each top-level key appears. */
public final class MetadataSection implements ReportSection {

    private static final int BARS = 25;

    @Override
    public String id() {
        return "metadata";
    }

    @Override
    public String title() {
        return "Metadata";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long withBlock = store.count("SELECT count(*) FROM cards WHERE has_metadata");
        List<Object[]> keys = store.has("metadata")
                ? store.rows("SELECT key, count(DISTINCT card_id) AS n FROM metadata GROUP BY key ORDER BY n DESC, key")
                : List.of();
        out.facts(List.of(
                new HtmlSection.Fact("cards with a metadata block", ReportContext.percentText(withBlock, ctx.totalCards())),
                new HtmlSection.Fact("cards without one", ReportContext.count(ctx.totalCards() - withBlock)),
                new HtmlSection.Fact("distinct top-level keys", ReportContext.count(keys.size()))));
        out.note("A metadata block is the YAML between '---' lines at the very top of the card, found with the "
                + "Hub's own rule. Keys are the block's top-level keys as written.");
        if (keys.isEmpty()) {
            out.paragraph("No card has metadata keys.");
            return;
        }
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        Table.Builder t = Table.builder("metadata-keys", "Top-level metadata keys", "key", "cards",
                "share of all cards (%)", "share of cards with a block (%)");
        for (Object[] row : keys) {
            long n = StoreView.asLong(row[1]);
            String key = StoreView.asString(row[0]);
            t.row(key, n, ctx.shareOfCards(n), ReportContext.percent(n, withBlock));
            if (bars.size() < BARS) {
                bars.add(new ChartRenderer.Bar(key, ctx.shareOfCards(n).value(), 0));
            }
        }
        ctx.charts().horizontalBars(ctx.assets().image("metadata-keys"), "Cards with each metadata key (top "
                + bars.size() + ")", "share of all cards", bars, ChartRenderer.ONE_GROUP, true);
        out.figure(ctx.assets().imageHref("metadata-keys"), "Bar chart: share of cards with each metadata key");
        ctx.table(out, t.build());
    }
}
