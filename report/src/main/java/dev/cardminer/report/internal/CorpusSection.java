package dev.cardminer.report.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** Corpus size: cards, what the analysis found in them, and the runs that filled the store. */
public final class CorpusSection implements ReportSection {

    @Override
    public String id() {
        return "corpus";
    }

    @Override
    public String title() {
        return "Corpus";
    }

    @Override
    public void render(ReportContext ctx, HtmlSection out) throws SQLException, IOException {
        StoreView store = ctx.store();
        long cards = ctx.totalCards();
        if (cards == 0) {
            out.paragraph("The store has no cards, so there is nothing to report yet. Fill it with "
                    + "'cardminer analyze' and write the report again.");
        } else {
            out.paragraph("The store holds " + ReportContext.count(cards) + " model cards. Every share in this "
                    + "report is a share of these cards unless its table says otherwise.");
        }
        Table.Builder t = Table.builder("corpus", "What the store holds", "measure", "value");
        t.row("cards", cards);
        if (store.has("cards")) {
            t.row("cards with a metadata block", store.count("SELECT count(*) FROM cards WHERE has_metadata"));
            t.row("total card size (bytes)", store.count("SELECT sum(bytes) FROM cards"));
            t.row("median card size (bytes)", store.count("SELECT median(bytes)::BIGINT FROM cards"));
            t.row("distinct authors", store.count("SELECT count(DISTINCT author) FROM cards"));
            t.row("cards with a creation date", store.count("SELECT count(created_at) FROM cards"));
            t.row("cards with a download count", store.count("SELECT count(downloads) FROM cards"));
        }
        countRows(store, t, "sections", "headings");
        countCards(store, t, "sections", "cards with at least one heading", "");
        countCards(store, t, "sections", "cards with a heading of the template", " WHERE canonical IS NOT NULL");
        countRows(store, t, "eval_results", "evaluation results (model-index metrics)");
        countCards(store, t, "eval_results", "cards with evaluation results", "");
        countRows(store, t, "links", "links to Hub repos, papers and code");
        countRows(store, t, "problems", "problems found");
        countCards(store, t, "problems", "cards with at least one problem", "");
        countRows(store, t, "sentences", "sentences");
        countRows(store, t, "annotations", "concept annotations");
        ctx.table(out, t.build());

        if (store.has("runs")) {
            List<Object[]> runs = store.rows("SELECT run_id, source, started_at, finished_at, cards_seen, cards_new, "
                    + "cards_skipped, failures FROM runs ORDER BY started_at DESC NULLS LAST, run_id");
            if (!runs.isEmpty()) {
                Table.Builder r = Table.builder("runs", "Analysis runs, newest first", "run", "source", "started",
                        "finished", "cards seen", "new", "skipped (unchanged)", "failures");
                for (Object[] row : runs) {
                    r.row(StoreView.asString(row[0]), StoreView.asString(row[1]), time(row[2]), time(row[3]),
                            row[4], row[5], row[6], row[7]);
                }
                ctx.table(out, r.build());
            }
        }
    }

    /** A timestamp to the second, as "2026-01-02 03:04:05". */
    static String time(Object timestamp) {
        if (timestamp == null) {
            return null;
        }
        String text = timestamp.toString().replace('T', ' ');
        int dot = text.indexOf('.');
        return dot > 0 ? text.substring(0, dot) : text;
    }

    private static void countRows(StoreView store, Table.Builder t, String table, String label) throws SQLException {
        t.row(label, store.has(table) ? store.count("SELECT count(*) FROM " + table) : 0L);
    }

    private static void countCards(StoreView store, Table.Builder t, String table, String label, String where)
            throws SQLException {
        t.row(label, store.has(table) ? store.count("SELECT count(DISTINCT card_id) FROM " + table + where) : 0L);
    }
}
