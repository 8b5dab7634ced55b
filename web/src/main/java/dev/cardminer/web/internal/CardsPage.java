package dev.cardminer.web.internal;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.report.ReportFigures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Card search over {@code card_facts}: filters as bound parameters, a whitelisted sort, 50 rows a page.
 * Template sections are bits of {@code card_facts.sections}; metadata and problem filters are semi-joins;
 * the body text filter is the one that scans card text, so it runs only when asked for.
 */
final class CardsPage {

    static final int PAGE_SIZE = 50;
    /** Deep pages cost an OFFSET scan; past this, narrow the search instead. */
    static final int MAX_PAGE = 200;
    /** A body-text query without letters or digits scans bodies until this many cards match. */
    static final int MAX_SCANNED = 1_000;
    /** Query words at least this long match the words they begin; shorter ones match whole words. */
    static final int MIN_PREFIX = 3;
    /** Words of a body-text query looked up at most. */
    static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("downloads", "downloads DESC NULLS LAST, id");
        SORTS.put("likes", "likes DESC NULLS LAST, id");
        SORTS.put("completeness", "completeness DESC NULLS LAST, id");
        SORTS.put("least-complete", "completeness ASC NULLS LAST, id");
        SORTS.put("problems", "problem_count DESC NULLS LAST, id");
        SORTS.put("id", "id");
    }

    private final ExplorerStore store;

    CardsPage(ExplorerStore store) {
        this.store = store;
    }

    /** The words of a body-text query as the body index holds them: lowercase runs of letters and digits. */
    static List<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group)
                .filter(w -> w.length() <= ExplorerStore.MAX_WORD).distinct().limit(MAX_WORDS).toList();
    }

    void render(Html h, Request request) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String q = request.param("q");
        if (q != null) {
            where.add("(contains(id_lower, ?) OR contains(author_lower, ?))");
            params.add(q.toLowerCase(Locale.ROOT));
            params.add(q.toLowerCase(Locale.ROOT));
        }
        equal(request, "author", "author", where, params);
        equal(request, "pipeline", "pipeline", where, params);
        equal(request, "library", "library", where, params);
        equal(request, "month", "month", where, params);
        equal(request, "downloads", "download_bucket", where, params);
        String key = request.param("key");
        String value = request.param("value");
        if (key != null && value != null) {
            where.add("id IN (SELECT card_id FROM " + (value.length() <= ExplorerStore.SHORT_VALUE
                    ? "memory.main.card_values" : "metadata_values") + " WHERE key = ? AND value = ?)");
            params.add(key);
            params.add(value);
        } else if (key != null) {
            where.add("id IN (SELECT card_id FROM memory.main.card_keys WHERE key = ?)");
            params.add(key);
        }
        String metric = request.param("metric");
        if (metric != null) {
            // The report's metric names merge variants: the cards with results under any of its forms.
            List<String> forms = store.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst()
                    .map(ReportFigures.MetricUse::forms).orElse(List.of(metric));
            where.add("id IN (SELECT card_id FROM eval_results WHERE coalesce(metric_type, metric_name) IN ("
                    + String.join(", ", java.util.Collections.nCopies(forms.size(), "?")) + "))");
            params.addAll(forms);
        }
        String problem = request.param("problem");
        if (problem != null) {
            where.add("id IN (SELECT card_id FROM problems WHERE code = ?)");
            params.add(problem);
        }
        CanonicalSection has = section(request.param("has"));
        if (has != null) {
            where.add("sections & ? <> 0");
            params.add(ExplorerStore.bit(has));
        }
        CanonicalSection missing = section(request.param("missing"));
        if (missing != null) {
            where.add("sections & ? = 0");
            params.add(ExplorerStore.bit(missing));
        }
        Double cmin = request.doubleParam("cmin");
        if (cmin != null) {
            where.add("completeness >= ?");
            params.add(cmin);
        }
        Double cmax = request.doubleParam("cmax");
        if (cmax != null) {
            // The top bucket includes 1.0 itself.
            where.add(cmax >= 1 ? "completeness <= ?" : "completeness < ?");
            params.add(cmax);
        }
        String text = request.param("text");
        List<String> words = text == null ? List.of() : words(text);
        if (text != null && !words.isEmpty()) {
            // Every word of the query must begin a word of the body (short ones: be one), read from the
            // body index. Prefixes, not any substring: "e" or "on" inside words would match most cards.
            store.ensureBodyIndex();
            for (String w : words) {
                where.add("card_row IN (SELECT unnest(cards) FROM memory.main.body_index WHERE "
                        + (w.length() < MIN_PREFIX ? "word = ?" : "starts_with(word, ?)") + ")");
                params.add(w);
            }
        } else if (text != null) {
            // No letters or digits to look up: a scan of the bodies (RE2, literal, any case), bounded.
            where.add("id IN (SELECT id FROM cards WHERE regexp_matches(body, ?) LIMIT " + MAX_SCANNED + ")");
            params.add("(?i)" + Pattern.quote(text));
        }
        String sort = SORTS.containsKey(request.param("sort")) ? request.param("sort") : "downloads";
        int asked = request.intParam("page", 1, 1, Integer.MAX_VALUE);
        int page = Math.min(asked, MAX_PAGE);
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);

        form(h, request, sort);
        List<Object[]> rows = page(filter, params, sort, page);
        long total;
        if (!rows.isEmpty()) {
            total = ExplorerStore.asLong(rows.get(0)[8]);
        } else if (page > 1) {
            // Past the last page: show the last one (and say so) rather than an empty table.
            total = ExplorerStore.asLong(store.rows("SELECT count(*) FROM memory.main.card_facts" + filter,
                    params.toArray()).get(0)[0]);
            page = Math.max(1, lastPage(total));
            if (total > 0) {
                rows = page(filter, params, sort, page);
            }
        } else {
            total = 0;
        }
        long pages = Math.max(1, lastPage(total));
        if (asked != page) {
            h.element("p", "There is no page " + request.param("page") + (asked > MAX_PAGE && pages == MAX_PAGE
                    ? " (pages stop at " + MAX_PAGE + ": narrow the search to see more)" : "")
                    + "; this is the last, page " + page + ".", "class", "note", "id", "page-note");
        }

        if (text != null && !words.isEmpty()) {
            h.element("p", "Cards whose text has every word of the query (" + String.join(", ", words)
                    + ") in any case, as the start of a word (words under " + MIN_PREFIX + " letters: the whole "
                    + "word).", "class", "note");
        } else if (text != null) {
            h.element("p", "The query has no letters or digits: the first " + Html.number(MAX_SCANNED)
                    + " cards whose text contains it.", "class", "note");
        }
        h.open("p", "class", "count", "id", "result-count").text(Html.number(total) + (total == 1 ? " card" : " cards"))
                .close("p");
        h.open("table", "class", "cards").open("thead").open("tr");
        for (String c : List.of("card", "author", "pipeline tag", "library", "downloads", "likes", "completeness",
                "problems")) {
            h.element("th", c);
        }
        h.close("tr").close("thead").open("tbody");
        for (Object[] r : rows) {
            String id = (String) r[0];
            h.open("tr").open("td").link(Request.cardUrl(id), id, "class", "card-link").close("td")
                    .element("td", r[1]).element("td", r[2]).element("td", r[3])
                    .element("td", r[4] == null ? "" : Html.number(ExplorerStore.asLong(r[4])), "class", "num")
                    .element("td", r[5] == null ? "" : Html.number(ExplorerStore.asLong(r[5])), "class", "num")
                    .element("td", Html.percent(ExplorerStore.asDouble(r[6])), "class", "num")
                    .element("td", Html.number(ExplorerStore.asLong(r[7])), "class", "num").close("tr");
        }
        h.close("tbody").close("table");
        h.open("nav", "class", "pager");
        if (page > 1) {
            h.link(request.with("page", String.valueOf(page - 1)), "← previous", "rel", "prev");
        }
        h.element("span", "page " + page + " of " + pages);
        if (page < pages) {
            h.link(request.with("page", String.valueOf(page + 1)), "next →", "rel", "next");
        }
        h.close("nav");
    }

    /** One page of the matching cards, each row with the number of all matches (a window, so the filters run once). */
    private List<Object[]> page(String filter, List<Object> params, String sort, int page) throws SQLException {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(PAGE_SIZE);
        pageParams.add((page - 1) * PAGE_SIZE);
        return store.rows("SELECT id, author, pipeline, library, downloads, likes, completeness, "
                + "problem_count, count(*) OVER () FROM memory.main.card_facts" + filter + " ORDER BY "
                + SORTS.get(sort) + " LIMIT ? OFFSET ?", pageParams.toArray());
    }

    /** The last page of {@code total} matches that the pager offers (0 for none). */
    private static int lastPage(long total) {
        return (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static void form(Html h, Request request, String sort) {
        h.open("form", "method", "get", "action", "/cards", "class", "filters", "id", "filters");
        input(h, request, "q", "id or author");
        input(h, request, "text", "text in the body");
        input(h, request, "key", "metadata key");
        input(h, request, "value", "… with value");
        input(h, request, "problem", "problem code");
        input(h, request, "metric", "eval metric");
        input(h, request, "pipeline", "pipeline tag");
        input(h, request, "library", "library");
        input(h, request, "cmin", "completeness ≥ (0-1)");
        input(h, request, "cmax", "completeness < (0-1)");
        sectionSelect(h, request, "has", "section present");
        sectionSelect(h, request, "missing", "section missing");
        h.open("label").text("sort ").open("select", "name", "sort");
        for (String s : SORTS.keySet()) {
            h.open("option", "value", s, "selected", s.equals(sort) ? "selected" : null).text(s).close("option");
        }
        h.close("select").close("label");
        for (String hidden : List.of("author", "month", "downloads")) {
            if (request.param(hidden) != null) {
                h.empty("input", "type", "hidden", "name", hidden, "value", request.param(hidden));
            }
        }
        h.open("button", "type", "submit").text("Search").close("button").close("form");
    }

    private static void input(Html h, Request request, String name, String label) {
        h.open("label").text(label + " ").empty("input", "type", "text", "name", name, "value", request.param(name))
                .close("label");
    }

    private static void sectionSelect(Html h, Request request, String name, String label) {
        String chosen = request.param(name);
        h.open("label").text(label + " ").open("select", "name", name).element("option", "", "value", "");
        for (CanonicalSection s : CanonicalSection.values()) {
            h.open("option", "value", s.title(), "selected", s.title().equals(chosen) ? "selected" : null)
                    .text(s.title()).close("option");
        }
        h.close("select").close("label");
    }

    private static void equal(Request request, String param, String column, List<String> where, List<Object> params) {
        String v = request.param(param);
        if (v != null) {
            where.add(column + " = ?");
            params.add(v);
        }
    }

    /** The template section of a title; null for none or an unknown title (the filter is then left out). */
    private static CanonicalSection section(String title) {
        for (CanonicalSection s : CanonicalSection.values()) {
            if (s.title().equals(title)) {
                return s;
            }
        }
        return null;
    }
}
