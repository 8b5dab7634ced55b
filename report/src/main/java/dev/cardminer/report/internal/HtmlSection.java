package dev.cardminer.report.internal;

import java.util.List;
import java.util.Locale;

/**
 * The body of one report section. Every text argument is escaped here; callers never pass HTML.
 */
public final class HtmlSection {

    /** A headline figure: a label and its value as shown. */
    public record Fact(String label, String value) {
    }

    private final String id;
    private final String title;
    private final HtmlEscaper escaper;
    private final SafeLinks links;
    private final StringBuilder html = new StringBuilder();

    HtmlSection(String id, String title, HtmlEscaper escaper, SafeLinks links) {
        this.id = id;
        this.title = title;
        this.escaper = escaper;
        this.links = links;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public HtmlSection paragraph(String text) {
        html.append("<p>").append(escaper.escape(text)).append("</p>\n");
        return this;
    }

    /** A muted paragraph: definitions, caveats, why a part is missing. */
    public HtmlSection note(String text) {
        html.append("<p class=\"note\">").append(escaper.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlSection subheading(String text) {
        html.append("<h3>").append(escaper.escape(text)).append("</h3>\n");
        return this;
    }

    public HtmlSection facts(List<Fact> facts) {
        html.append("<div class=\"facts\">\n");
        for (Fact f : facts) {
            html.append("<div class=\"fact\"><div class=\"value\">").append(escaper.escape(f.value()))
                    .append("</div><div class=\"label\">").append(escaper.escape(f.label())).append("</div></div>\n");
        }
        html.append("</div>\n");
        return this;
    }

    /** An image next to the page (a relative path written by {@link Assets}). */
    public HtmlSection figure(String src, String alt) {
        html.append("<figure><img src=\"").append(escaper.escape(src)).append("\" alt=\"")
                .append(escaper.escape(alt)).append("\" loading=\"lazy\"></figure>\n");
        return this;
    }

    /** The table's first {@code maxRows} rows, its caption and a link to its CSV (all rows). */
    public HtmlSection table(Table table, String csvHref, int maxRows) {
        html.append("<div class=\"table\">\n<div class=\"caption\">").append(escaper.escape(table.caption()))
                .append(" <a class=\"csv\" href=\"").append(escaper.escape(csvHref)).append("\">CSV</a></div>\n");
        html.append("<table>\n<thead><tr>");
        List<List<Object>> rows = table.rows();
        for (int c = 0; c < table.columns().size(); c++) {
            html.append("<th").append(numeric(rows, c) ? " class=\"num\"" : "").append('>')
                    .append(escaper.escape(table.columns().get(c))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, rows.size());
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Object cell : rows.get(r)) {
                html.append(cell instanceof Number || cell instanceof Cells.Percent ? "<td class=\"num\">" : "<td>")
                        .append(cell(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td class=\"empty\" colspan=\"").append(table.columns().size())
                    .append("\">No rows.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown < rows.size()) {
            html.append("<p class=\"note\">Showing ").append(shown).append(" of ").append(rows.size())
                    .append(" rows; the CSV has all ").append(rows.size()).append(".</p>\n");
        }
        html.append("</div>\n");
        return this;
    }

    String render() {
        return "<section id=\"" + escaper.escape(id) + "\">\n<h2>" + escaper.escape(title) + "</h2>\n" + html
                + "</section>\n";
    }

    private static boolean numeric(List<List<Object>> rows, int column) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.get(column) == null
                || r.get(column) instanceof Number || r.get(column) instanceof Cells.Percent);
    }

    private String cell(Object cell) {
        return switch (cell) {
            case null -> "";
            case Cells.Percent p -> Double.isNaN(p.value()) ? "" : escaper.escape(ReportContext.percentText(p.value()));
            case Double d -> Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%,.2f", d);
            case Long l -> String.format(Locale.ROOT, "%,d", l);
            case Integer i -> String.format(Locale.ROOT, "%,d", i);
            case Cells.CardRef ref -> cardLink(ref.id());
            case Cells.CardRefs refs -> String.join(", ", refs.ids().stream().map(this::cardLink).toList());
            case Cells.Texts texts -> String.join(", ", texts.values().stream()
                    .map(t -> "<code>" + escaper.escape(t) + "</code>").toList());
            default -> escaper.escape(cell.toString());
        };
    }

    private String cardLink(String id) {
        return links.hubModelPage(id)
                .map(url -> "<a href=\"" + escaper.escape(url) + "\" rel=\"noopener noreferrer\">"
                        + escaper.escape(id) + "</a>")
                .orElseGet(() -> "<code>" + escaper.escape(id) + "</code>");
    }
}
