package dev.cardminer.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.CardLimits;
import dev.cardminer.report.SafeHtml;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One card at {@code /cards/{id}}: facts and Hub link, problems, metadata with each problem at its key,
 * the template outline, the card's own outline, eval results, links, concept annotations highlighted in
 * their sentences, and the body rendered by {@link MarkdownRenderer}.
 */
final class CardPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentences shown with their annotations at most. */
    private static final int MAX_SENTENCES = 200;
    /** Suggestion and classification rows shown at most. */
    private static final int MAX_ROWS = 500;

    private final ExplorerStore store;
    private final MarkdownRenderer markdown;
    private final SafeHtml safe = new SafeHtml();

    CardPage(ExplorerStore store, MarkdownRenderer markdown) {
        this.store = store;
        this.markdown = markdown;
    }

    /** Renders the card; false when the store has no such card. */
    boolean render(Html h, String id) throws SQLException {
        ExplorerStore.CardLocation at = store.locate(id);
        if (at == null) {
            return false;
        }
        List<Object[]> found = store.cardRows(at, "cards", "SELECT id, author, NULL, NULL, downloads, likes, created_at, "
                + "last_modified, has_metadata, metadata_json, completeness, body, source", null);
        List<Object[]> facts = store.rows("SELECT pipeline, library FROM memory.main.card_facts WHERE id = ?", id);
        if (found.isEmpty() || facts.isEmpty()) {
            return false;
        }
        Object[] c = found.get(0);
        c[2] = facts.get(0)[0];
        c[3] = facts.get(0)[1];
        h.open("p", "class", "links");
        safe.hubModelPage(id).ifPresent(url -> h.link(url, "Open on the Hub ↗", "class", "hub"));
        h.close("p");
        h.open("dl", "class", "facts-list");
        fact(h, "author", c[1]);
        fact(h, "pipeline tag", c[2]);
        fact(h, "library", c[3]);
        fact(h, "downloads", c[4] == null ? null : Html.number(ExplorerStore.asLong(c[4])));
        fact(h, "likes", c[5] == null ? null : Html.number(ExplorerStore.asLong(c[5])));
        fact(h, "created", c[6]);
        fact(h, "last modified", c[7]);
        fact(h, "completeness", Html.percent(ExplorerStore.asDouble(c[10])));
        fact(h, "source", c[12]);
        h.close("dl");

        List<Object[]> problems = store.cardRows(at, "problems", "SELECT severity, code, message, line, col", "position");
        List<Object[]> sections = store.cardRows(at, "sections", "SELECT level, title, canonical, line, placeholder, empty",
                "position");

        h.open("nav", "class", "toc").link("#metadata", "Metadata").link("#outline", "Outline")
                .link("#evaluation", "Evaluation").link("#links", "Links").link("#concepts", "Concepts")
                .link("#suggestions", "Suggestions").link("#classifications", "Classifications")
                .link("#body", "Card").close("nav");
        problems(h, problems);
        metadata(h, Boolean.TRUE.equals(c[8]), (String) c[9], problems);
        outline(h, sections);
        evaluation(h, at);
        links(h, at);
        concepts(h, at, (String) c[11]);
        suggestions(h, id);
        classifications(h, id);
        String body = (String) c[11];
        // A card of megabytes would be a page of more (and seconds to render): the part analysed is what the page is about.
        int shown = CardLimits.DEFAULTS.analysedEnd(body);
        h.open("section", "id", "body").element("h2", "Card");
        if (shown < body.length()) {
            h.element("p", String.format(Locale.ROOT, "The card's text has %,d characters; the first %,d are shown, the "
                    + "part cardminer analysed.", body.length(), shown), "class", "note");
        }
        h.open("article", "class", "markdown").markup(markdown.render(body.substring(0, shown))).close("article")
                .close("section");
        return true;
    }

    private static void problems(Html h, List<Object[]> problems) {
        h.open("section", "id", "problems").element("h2", "Problems (" + problems.size() + ")");
        if (problems.isEmpty()) {
            h.element("p", "None.", "class", "note");
        } else {
            h.open("ul", "class", "problems");
            for (Object[] p : problems) {
                h.open("li", "class", "sev-" + p[0]).element("span", p[0], "class", "sev").text(" ")
                        .link(Request.url("/cards", "problem", String.valueOf(p[1])), p[1], "class", "code")
                        .text(" line " + p[3] + ":" + p[4] + " — " + p[2]).close("li");
            }
            h.close("ul");
        }
        h.close("section");
    }

    private void metadata(Html h, boolean hasMetadata, String json, List<Object[]> problems) {
        h.open("section", "id", "metadata").element("h2", "Metadata");
        if (!hasMetadata || json == null) {
            h.element("p", "No metadata block.", "class", "note").close("section");
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            h.element("p", "The stored metadata is not readable JSON.", "class", "note").close("section");
            return;
        }
        h.open("table", "class", "metadata").open("thead").open("tr").element("th", "key").element("th", "value")
                .element("th", "problems").close("tr").close("thead").open("tbody");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String value = f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString();
            if (value.length() > 600) {
                value = value.substring(0, 600) + " …";
            }
            List<Object[]> atKey = problemsAt(f.getKey(), problems);
            h.open("tr", "class", atKey.isEmpty() ? null : "has-problem")
                    .open("td").link(Request.url("/cards", "key", f.getKey()), f.getKey()).close("td")
                    .open("td").element("code", value).close("td").open("td");
            for (Object[] p : atKey) {
                h.element("div", p[0] + " " + p[1] + ": " + p[2], "class", "sev-" + p[0]);
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    /**
     * The problems about a key. The store keeps a problem's message, not its key path, and the
     * metadata messages name the key they concern, quoted or as a path such as {@code language[0]}.
     */
    static List<Object[]> problemsAt(String key, List<Object[]> problems) {
        Pattern named = Pattern.compile("(^|[^A-Za-z0-9_.-])" + Pattern.quote(key) + "($|[^A-Za-z0-9_-])");
        List<Object[]> out = new ArrayList<>();
        for (Object[] p : problems) {
            if (p[2] != null && named.matcher(p[2].toString()).find()) {
                out.add(p);
            }
        }
        return out;
    }

    private static void outline(Html h, List<Object[]> sections) {
        h.open("section", "id", "outline").element("h2", "Outline against the template");
        h.open("table", "class", "template").open("thead").open("tr").element("th", "template section")
                .element("th", "status").element("th", "the card's heading").close("tr").close("thead").open("tbody");
        for (CanonicalSection s : CanonicalSection.values()) {
            List<Object[]> mapped = sections.stream().filter(r -> s.title().equals(r[2])).toList();
            String status;
            if (mapped.isEmpty()) {
                status = "missing";
            } else if (mapped.stream().anyMatch(r -> !Boolean.TRUE.equals(r[4]) && !Boolean.TRUE.equals(r[5]))) {
                status = "filled";
            } else if (mapped.stream().anyMatch(r -> Boolean.TRUE.equals(r[4]))) {
                status = "placeholder";
            } else {
                status = "empty";
            }
            h.open("tr", "class", "status-" + status)
                    .element("td", (s.parent() == null ? "" : "  ↳ ") + s.title(), "class", s.parent() == null ? "top" : "sub")
                    .element("td", status, "class", "status")
                    .element("td", String.join("; ", mapped.stream().map(r -> r[1] + " (line " + r[3] + ")").toList()))
                    .close("tr");
        }
        h.close("tbody").close("table");
        h.element("h3", "The card's headings");
        h.open("ol", "class", "headings");
        for (Object[] r : sections) {
            String flags = (Boolean.TRUE.equals(r[4]) ? " · placeholder" : "") + (Boolean.TRUE.equals(r[5]) ? " · empty" : "");
            h.open("li", "class", "level-" + r[0]).text("h" + r[0] + " " + r[1]);
            if (r[2] != null) {
                h.text(" → ").element("span", r[2], "class", "canonical");
            }
            h.element("span", flags, "class", "flags").close("li");
        }
        h.close("ol").close("section");
    }

    private void evaluation(Html h, ExplorerStore.CardLocation at) throws SQLException {
        List<Object[]> rows = store.cardRows(at, "eval_results", "SELECT model_name, task_type, dataset_name, dataset_config, "
                + "dataset_split, metric_type, metric_name, metric_value_text, verified", "position LIMIT 500");
        h.open("section", "id", "evaluation").element("h2", "Evaluation results (" + rows.size() + ")");
        table(h, List.of("model", "task", "dataset", "config", "split", "metric type", "metric", "value", "verified"),
                rows);
        h.close("section");
    }

    private void links(Html h, ExplorerStore.CardLocation at) throws SQLException {
        List<Object[]> rows = store.cardRows(at, "links", "SELECT kind, target, text, line", "position LIMIT 500");
        h.open("section", "id", "links").element("h2", "Links (" + rows.size() + ")");
        h.open("table").open("thead").open("tr").element("th", "kind").element("th", "target").element("th", "text")
                .element("th", "line").close("tr").close("thead").open("tbody");
        for (Object[] r : rows) {
            String target = String.valueOf(r[1]);
            String kind = String.valueOf(r[0]);
            String href = switch (kind) {
                case "model" -> safe.hubModelPage(target).orElse(null);
                case "dataset", "space" -> safe.hubModelPage(target)
                        .map(u -> u.replace("huggingface.co/", "huggingface.co/" + kind + "s/")).orElse(null);
                case "arxiv" -> target.matches("[0-9]{4}\\.[0-9]{4,5}(v[0-9]+)?") ? "https://arxiv.org/abs/" + target : null;
                case "github" -> target.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+") ? "https://github.com/" + target : null;
                default -> null;
            };
            h.open("tr").element("td", kind).open("td").link(href, target).close("td").element("td", r[2])
                    .element("td", r[3]).close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    private void concepts(Html h, ExplorerStore.CardLocation at, String body) throws SQLException {
        h.open("section", "id", "concepts").element("h2", "Concepts");
        if (!store.hasAnnotations()) {
            h.element("p", "The store has no annotations.", "class", "note").close("section");
            return;
        }
        List<Object[]> annotations = store.cardRows(at, "annotations",
                "SELECT sentence, subject, category, span_start, span_end", "sentence, span_start LIMIT 2000");
        Map<Integer, String> sentences = annotations.isEmpty() ? Map.of() : store.sentenceTexts(at, body);
        // Rows as the page lays them out: sentence position, its text, then the annotation's fields.
        List<Object[]> rows = new ArrayList<>();
        for (Object[] a : annotations) {
            String text = sentences.get(((Number) a[0]).intValue());
            if (text != null) {
                rows.add(new Object[] {a[0], text, a[1], a[2], a[3], a[4]});
            }
        }
        if (rows.isEmpty()) {
            h.element("p", "No concept annotations in this card.", "class", "note").close("section");
            return;
        }
        h.open("ol", "class", "sentences");
        int shown = 0;
        int i = 0;
        while (i < rows.size() && shown < MAX_SENTENCES) {
            int position = ((Number) rows.get(i)[0]).intValue();
            String text = (String) rows.get(i)[1];
            List<Object[]> spans = new ArrayList<>();
            while (i < rows.size() && ((Number) rows.get(i)[0]).intValue() == position) {
                spans.add(rows.get(i++));
            }
            h.open("li");
            int done = 0;
            for (Object[] a : spans) {
                int start = a[4] == null ? -1 : ((Number) a[4]).intValue();
                int end = a[5] == null ? -1 : ((Number) a[5]).intValue();
                if (start < done || end <= start || end > text.length()) {
                    continue;
                }
                h.text(text.substring(done, start))
                        .open("mark", "class", "concept", "title", a[3] + ": " + a[2]).text(text.substring(start, end))
                        .element("sub", a[3]).close("mark");
                done = end;
            }
            h.text(text.substring(done));
            List<String> unlocated = spans.stream().filter(a -> a[4] == null || ((Number) a[4]).intValue() < 0)
                    .map(a -> a[2] + " (" + a[3] + ")").toList();
            if (!unlocated.isEmpty()) {
                h.element("div", "also: " + String.join(", ", unlocated), "class", "note");
            }
            h.close("li");
            shown++;
        }
        h.close("ol").close("section");
    }

    /** What {@code cardminer suggest --db} found in the text for this card; conflicts first. */
    private void suggestions(Html h, String id) throws SQLException {
        h.open("section", "id", "suggestions").element("h2", "Suggested metadata");
        if (!store.hasTable("suggestions")) {
            h.element("p", "The store has no suggestions table.", "class", "note").close("section");
            return;
        }
        List<Object[]> rows = store.rows("SELECT field, value, CASE WHEN conflict THEN 'conflict: the YAML says ' "
                + "|| coalesce(yaml_value, '?') ELSE 'missing from the YAML' END, round(confidence, 2), method, "
                + "line, evidence FROM suggestions WHERE card_id = ? ORDER BY conflict DESC, field, confidence DESC "
                + "LIMIT " + MAX_ROWS, id);
        if (rows.isEmpty()) {
            h.element("p", "No suggestions for this card (cardminer suggest --db writes them).", "class", "note");
        } else {
            table(h, List.of("key", "value", "status", "confidence", "rule", "line", "evidence"), rows);
        }
        h.close("section");
    }

    /** The latest run per label set of {@code cardminer classify --db} for this card, labels by rank. */
    private void classifications(Html h, String id) throws SQLException {
        h.open("section", "id", "classifications").element("h2", "Classifications");
        if (!store.hasTable("classifications")) {
            h.element("p", "The store has no classifications table.", "class", "note").close("section");
            return;
        }
        List<Object[]> rows = store.rows("WITH latest AS (SELECT label_set, arg_max(run_id, created_at) AS run_id "
                + "FROM classifications WHERE card_id = ? GROUP BY 1) "
                + "SELECT c.label_set || ' ' || c.label_set_version, c.method, c.rank, c.label, round(c.score, 3), "
                + "c.evidence, c.model || coalesce(' ' || c.model_version, ''), c.run_id, "
                + "strftime(c.created_at, '%Y-%m-%d %H:%M') FROM classifications c JOIN latest l "
                + "ON l.label_set = c.label_set AND l.run_id = c.run_id WHERE c.card_id = ? "
                + "ORDER BY c.label_set, c.method, c.rank LIMIT " + MAX_ROWS, id, id);
        if (rows.isEmpty()) {
            h.element("p", "No classifications for this card (cardminer classify --db writes them).", "class", "note");
        } else {
            table(h, List.of("label set", "method", "rank", "label", "score", "evidence", "model", "run", "at"), rows);
        }
        h.close("section");
    }

    private static void table(Html h, List<String> columns, List<Object[]> rows) {
        h.open("table").open("thead").open("tr");
        columns.forEach(c -> h.element("th", c));
        h.close("tr").close("thead").open("tbody");
        for (Object[] r : rows) {
            h.open("tr");
            for (Object cell : r) {
                h.element("td", cell);
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    private static void fact(Html h, String label, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            h.element("dt", label).element("dd", value);
        }
    }
}
