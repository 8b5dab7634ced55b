package dev.cardminer.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The report page: a header with the corpus summary, a table of contents and the sections. One file
 * with inline CSS and no scripts; images and CSV files are relative links next to it.
 */
public final class HtmlPage {

    private static final String CSS = """
            :root { --ink:#1f2328; --muted:#59636e; --line:#d8dee4; --accent:#3b6ea8; --bg:#f6f8fa; }
            * { box-sizing: border-box; }
            body { margin:0; color:var(--ink); background:#fff;
                   font: 15px/1.5 -apple-system, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
            header { background:#24344d; color:#fff; padding:28px 0 22px; }
            header h1 { margin:0 0 4px; font-size:26px; font-weight:600; }
            header p { margin:0; color:#c9d4e3; }
            .wrap { max-width:1040px; margin:0 auto; padding:0 24px; }
            header .facts .fact { background:rgba(255,255,255,.08); border-color:rgba(255,255,255,.15); }
            header .facts .label { color:#c9d4e3; }
            nav { border-bottom:1px solid var(--line); background:var(--bg); padding:12px 0; }
            nav ol { margin:0; padding:0; list-style:none; display:flex; flex-wrap:wrap; gap:6px 18px;
                     counter-reset:toc; }
            nav li { counter-increment:toc; }
            nav li::before { content:counter(toc) ". "; color:var(--muted); }
            a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
            main { padding-bottom:48px; }
            section { padding-top:28px; border-bottom:1px solid var(--line); padding-bottom:20px; }
            section:last-child { border-bottom:none; }
            h2 { font-size:21px; margin:0 0 10px; font-weight:600; }
            h3 { font-size:16px; margin:22px 0 8px; font-weight:600; }
            p { margin:6px 0 10px; max-width:80ch; }
            p.note { color:var(--muted); font-size:13.5px; }
            .facts { display:flex; flex-wrap:wrap; gap:10px; margin:14px 0 6px; }
            .fact { border:1px solid var(--line); border-radius:6px; padding:8px 14px; min-width:150px; }
            .fact .value { font-size:20px; font-weight:600; }
            .fact .label { font-size:12.5px; color:var(--muted); }
            figure { margin:12px 0; }
            figure img { max-width:100%; height:auto; border:1px solid var(--line); border-radius:4px; }
            .table { margin:12px 0 18px; overflow-x:auto; }
            .caption { font-weight:600; margin-bottom:4px; font-size:14px; }
            .caption a.csv { font-weight:normal; font-size:12px; border:1px solid var(--line); border-radius:3px;
                             padding:0 5px; margin-left:6px; }
            table { border-collapse:collapse; font-size:13.5px; min-width:50%; }
            th, td { padding:4px 10px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
            th { background:var(--bg); font-weight:600; white-space:nowrap; }
            td { max-width:420px; overflow-wrap:anywhere; }
            .num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
            tbody tr:nth-child(even) { background:#fbfcfd; }
            td.empty { color:var(--muted); font-style:italic; }
            code { font-family:"DejaVu Sans Mono", Menlo, Consolas, monospace; font-size:12.5px;
                   background:var(--bg); padding:0 3px; border-radius:3px; }
            footer { color:var(--muted); font-size:12.5px; padding:16px 0 32px; }
            """;

    private final HtmlEscaper escaper;
    private final SafeLinks links;
    private final String title;
    private final String subtitle;
    private final List<HtmlSection.Fact> headline = new ArrayList<>();
    private final List<HtmlSection> sections = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();

    public HtmlPage(String title, String subtitle, HtmlEscaper escaper, SafeLinks links) {
        this.title = title;
        this.subtitle = subtitle;
        this.escaper = escaper;
        this.links = links;
    }

    /** The figures in the page header. */
    public void headline(List<HtmlSection.Fact> facts) {
        headline.addAll(facts);
    }

    /** Adds a section (shown in the table of contents) and returns its body to fill. */
    public HtmlSection section(String id, String title) {
        HtmlSection section = new HtmlSection(id, title, escaper, links);
        sections.add(section);
        return section;
    }

    public void footer(String line) {
        footer.add(line);
    }

    public String render() {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // No network and no scripts: the page only shows what is next to it.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src 'self' file: data:; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(escaper.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header><div class=\"wrap\">\n<h1>").append(escaper.escape(title)).append("</h1>\n<p>")
                .append(escaper.escape(subtitle)).append("</p>\n");
        if (!headline.isEmpty()) {
            out.append("<div class=\"facts\">\n");
            for (HtmlSection.Fact f : headline) {
                out.append("<div class=\"fact\"><div class=\"value\">").append(escaper.escape(f.value()))
                        .append("</div><div class=\"label\">").append(escaper.escape(f.label()))
                        .append("</div></div>\n");
            }
            out.append("</div>\n");
        }
        out.append("</div></header>\n<nav><div class=\"wrap\"><ol>\n");
        for (HtmlSection s : sections) {
            out.append("<li><a href=\"#").append(escaper.escape(s.id())).append("\">")
                    .append(escaper.escape(s.title())).append("</a></li>\n");
        }
        out.append("</ol></div></nav>\n<main><div class=\"wrap\">\n");
        for (HtmlSection s : sections) {
            out.append(s.render());
        }
        out.append("</div></main>\n<footer><div class=\"wrap\">\n");
        for (String line : footer) {
            out.append("<p>").append(escaper.escape(line)).append("</p>\n");
        }
        out.append("</div></footer>\n</body>\n</html>\n");
        return out.toString();
    }
}
