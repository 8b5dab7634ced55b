package dev.cardminer.report;

import dev.cardminer.report.internal.Assets;
import dev.cardminer.report.internal.ChartRenderer;
import dev.cardminer.report.internal.CompletenessSection;
import dev.cardminer.report.internal.ConceptSection;
import dev.cardminer.report.internal.CorpusSection;
import dev.cardminer.report.internal.EvaluationSection;
import dev.cardminer.report.internal.HtmlEscaper;
import dev.cardminer.report.internal.HtmlPage;
import dev.cardminer.report.internal.HtmlSection;
import dev.cardminer.report.internal.MetadataSection;
import dev.cardminer.report.internal.PopularitySection;
import dev.cardminer.report.internal.ProblemSection;
import dev.cardminer.report.internal.ReportContext;
import dev.cardminer.report.internal.ReportSection;
import dev.cardminer.report.internal.SafeLinks;
import dev.cardminer.report.internal.StoreView;
import dev.cardminer.report.internal.TemplateSection;
import dev.cardminer.report.internal.TrendSection;
import dev.cardminer.report.internal.VocabularySection;
import dev.cardminer.report.internal.WordCloudRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the corpus report from a cardminer store: {@code index.html} (one page, inline CSS, no
 * scripts, no network), charts as PNG under {@code img/} and every table as CSV under {@code data/}.
 * The store is only read. The same store gives the same files.
 *
 * <p>In a host application: PNGs are encoded in memory, ImageIO's process-wide settings ({@code setUseCache}, the
 * cache folder) are neither used nor changed. The one process-wide change left: when the system property
 * {@code java.awt.headless} is unset, {@link #write} sets it to {@code true}, and AWT reads it once, when it is first
 * used. A host that shows AWT or Swing windows sets it ({@code -Djava.awt.headless=false}) or uses AWT before the
 * first report; a host that sets it keeps its value.
 */
public final class ReportWriter {

    private final ReportOptions options;

    /** A writer with {@link ReportOptions#defaults()}. */
    public ReportWriter() {
        this(ReportOptions.defaults());
    }

    /** A writer with these options. */
    public ReportWriter(ReportOptions options) {
        this.options = options;
    }

    /**
     * Writes the report into {@code outDir} (created if missing; files of an earlier report are replaced).
     *
     * @return the path of index.html
     */
    public Path write(Connection store, Path outDir) throws IOException, SQLException {
        // Charts and word clouds draw off-screen; without this, AWT may look for a display. A host's own setting wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Files.createDirectories(outDir);
        StoreView view = new StoreView(store);
        long cards = view.has("cards") ? view.count("SELECT count(*) FROM cards") : 0;
        ReportContext ctx = new ReportContext(view, new Assets(outDir), new ChartRenderer(), new WordCloudRenderer(),
                options.vocabularies(), cards, options.tableRows());
        HtmlEscaper escaper = new HtmlEscaper();
        HtmlPage page = new HtmlPage("Model card report", subtitle(view, cards), escaper, new SafeLinks());
        if (cards > 0) {
            page.headline(headline(view, cards));
        }
        for (ReportSection section : sections(cards)) {
            HtmlSection out = page.section(section.id(), section.title());
            section.render(ctx, out);
        }
        page.footer("Written by cardminer from the store's tables. Every table links its CSV (all rows); charts are "
                + "PNG files in img/. Card text is shown as text: nothing from a card is run or loaded.");
        Path index = outDir.resolve("index.html");
        Path tmp = outDir.resolve("index.html.tmp");
        Files.writeString(tmp, page.render(), StandardCharsets.UTF_8);
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return index;
    }

    private static List<ReportSection> sections(long cards) {
        List<ReportSection> out = new ArrayList<>();
        out.add(new CorpusSection());
        if (cards == 0) {
            return out;
        }
        out.add(new MetadataSection());
        out.add(new TemplateSection());
        out.add(new CompletenessSection());
        out.add(VocabularySection.licenses());
        out.add(VocabularySection.pipelineTags());
        out.add(VocabularySection.libraries());
        out.add(VocabularySection.languages());
        out.add(new EvaluationSection());
        out.add(new TrendSection());
        out.add(new PopularitySection());
        out.add(new ProblemSection());
        out.add(new ConceptSection());
        return out;
    }

    private static String subtitle(StoreView view, long cards) throws SQLException {
        if (cards == 0) {
            return "The store has no cards.";
        }
        String text = String.format(Locale.ROOT, "%,d Hugging Face model cards", cards);
        if (view.has("runs")) {
            List<Object[]> last = view.rows("SELECT max(finished_at) FROM runs");
            if (!last.isEmpty() && last.get(0)[0] != null) {
                String when = last.get(0)[0].toString().replace('T', ' ');
                text += ", as analysed up to " + (when.length() > 16 ? when.substring(0, 16) : when);
            }
        }
        return text + ".";
    }

    private static List<HtmlSection.Fact> headline(StoreView view, long cards) throws SQLException {
        Object[] row = view.rows("SELECT count(*) FILTER (WHERE has_metadata), avg(completeness), "
                + "count(*) FILTER (WHERE problem_count > 0) FROM cards").get(0);
        long withIndex = view.has("metadata")
                ? view.count("SELECT count(DISTINCT card_id) FROM metadata WHERE key = 'model-index'") : 0;
        double completeness = row[1] == null ? Double.NaN : ((Number) row[1]).doubleValue();
        return List.of(
                new HtmlSection.Fact("cards", ReportContext.count(cards)),
                new HtmlSection.Fact("with a metadata block", ReportContext.percentText(((Number) row[0]).longValue(), cards)),
                new HtmlSection.Fact("mean completeness", Double.isNaN(completeness) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f%%", 100 * completeness)),
                new HtmlSection.Fact("with evaluation results", ReportContext.percentText(withIndex, cards)),
                new HtmlSection.Fact("with a problem", ReportContext.percentText(((Number) row[2]).longValue(), cards)));
    }
}
