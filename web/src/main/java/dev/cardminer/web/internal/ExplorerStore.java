package dev.cardminer.web.internal;

import dev.cardminer.io.StoreQuery;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.report.ReportFigures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/**
 * The store, attached read-only to an in-memory DuckDB that holds what the explorer computes once at
 * start: {@code card_facts}, one narrow row per card with the Hub columns falling back to the YAML's
 * values, and in {@code sections} a bit per template section the card fills with content (itself or
 * in a subsection; {@link #bit}). Searches and breakdowns read that table instead of scanning
 * bodies, JSON and section rows per request. A pool of
 * duplicated connections serves the request threads; every query binds its values as parameters.
 */
final class ExplorerStore implements AutoCloseable {

    /** Download buckets, in order: label and lower bound. */
    static final List<Map.Entry<String, Long>> DOWNLOAD_BUCKETS = List.of(
            Map.entry("0-9", 0L), Map.entry("10-99", 10L), Map.entry("100-999", 100L),
            Map.entry("1k-10k", 1_000L), Map.entry("10k-100k", 10_000L), Map.entry("100k-1M", 100_000L),
            Map.entry("1M+", 1_000_000L));


    /** Tables with one card's rows, located through {@code card_rows}; the sentences' and annotations' with annotations. */
    private static final List<String> CHILD_TABLES = List.of("problems", "sections", "eval_results", "links");

    /** Where one card's rows lie in each table: rowid ranges (first, last), absent for tables without its rows. */
    record CardLocation(String id, Map<String, long[]> ranges) {
    }

    /** Metadata values up to this length are kept in memory for the key=value filter. */
    static final int SHORT_VALUE = 200;

    private final DuckDBConnection root;
    private final BlockingQueue<Connection> pool;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final boolean hasAnnotations;
    /** The table of the sentences' rows: {@code sentence_rows} (text null where it is the body's), or {@code sentences} before schema 4. */
    private final String sentenceTable;

    ExplorerStore(Path db, int connections) throws SQLException {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = root.createStatement()) {
            st.execute("ATTACH '" + db.toAbsolutePath().toString().replace("'", "''") + "' AS store (READ_ONLY)");
            st.execute("USE store");
            st.execute("CREATE TABLE memory.main.canonical (title VARCHAR, mask BIGINT)");
            try (PreparedStatement insert = root.prepareStatement("INSERT INTO memory.main.canonical VALUES (?, ?)")) {
                for (CanonicalSection c : CanonicalSection.values()) {
                    long mask = 0;
                    for (CanonicalSection a = c; a != null; a = a.parent()) {
                        mask |= bit(a);
                    }
                    insert.setString(1, c.title());
                    insert.setLong(2, mask);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            StringBuilder bucket = new StringBuilder("CASE WHEN c.downloads IS NULL THEN NULL");
            for (int i = DOWNLOAD_BUCKETS.size() - 1; i >= 0; i--) {
                bucket.append(" WHEN c.downloads >= ").append(DOWNLOAD_BUCKETS.get(i).getValue()).append(" THEN '")
                        .append(DOWNLOAD_BUCKETS.get(i).getKey()).append('\'');
            }
            bucket.append(" END");
            st.execute("CREATE TABLE memory.main.card_facts AS SELECT c.id, c.rowid::INTEGER AS card_row, lower(c.id) AS id_lower, c.author, "
                    + "lower(c.author) AS author_lower, "
                    + "coalesce(c.pipeline_tag, json_extract_string(c.metadata_json, '$.pipeline_tag')) AS pipeline, "
                    + "coalesce(c.library_name, json_extract_string(c.metadata_json, '$.library_name')) AS library, "
                    + "strftime(c.created_at, '%Y-%m') AS month, "
                    + bucket + " AS download_bucket, "
                    + "c.downloads, c.likes, c.completeness, c.problem_count, c.section_count, c.has_metadata, "
                    + "json_extract_string(c.metadata_json, '$.license') AS license, "
                    + "coalesce(e.n, 0) AS eval_count, coalesce(s.mask, 0) AS sections, "
                    + "coalesce(s.mask, 0) & " + bit(CanonicalSection.BIAS_RISKS_AND_LIMITATIONS) + " <> 0 AS has_limitations, "
                    + "coalesce(s.mask, 0) & " + bit(CanonicalSection.EVALUATION) + " <> 0 AS has_evaluation "
                    + "FROM cards c "
                    + "LEFT JOIN (SELECT card_id, count(*) AS n FROM eval_results GROUP BY 1) e ON e.card_id = c.id "
                    + "LEFT JOIN (SELECT s.card_id, bit_or(k.mask) AS mask FROM sections s "
                    + "JOIN memory.main.canonical k ON k.title = s.canonical "
                    + "WHERE NOT coalesce(s.empty, false) AND NOT coalesce(s.placeholder, false) GROUP BY 1) s "
                    + "ON s.card_id = c.id");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_catalog = 'store' AND table_name IN ('annotations', 'sentences')")) {
                rs.next();
                hasAnnotations = rs.getInt(1) == 2;
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_catalog = 'store' AND table_name = 'sentence_rows'")) {
                rs.next();
                sentenceTable = rs.getInt(1) == 1 ? "sentence_rows" : "sentences";
            }
            // Where each card's rows lie: the writer appends a card's child rows together, so a rowid range
            // (which DuckDB pushes into the scan) finds them without reading the card_id column of the table.
            List<String> tables = located();
            StringBuilder sql = new StringBuilder("CREATE TABLE memory.main.card_rows AS SELECT c.id AS card_id, "
                    + "c.rowid AS cards_lo, c.rowid AS cards_hi");
            StringBuilder joins = new StringBuilder(" FROM cards c");
            for (String t : tables.subList(1, tables.size())) {
                sql.append(", ").append(t).append(".lo AS ").append(t).append("_lo, ").append(t).append(".hi AS ")
                        .append(t).append("_hi");
                joins.append(" LEFT JOIN (SELECT card_id, min(rowid) AS lo, max(rowid) AS hi FROM ").append(t)
                        .append(" GROUP BY 1) ").append(t).append(" ON ").append(t).append(".card_id = c.id");
            }
            st.execute(sql.append(joins).toString());
            // Metadata filters read these in-memory copies instead of the file: keys per card, and the
            // short values (longer ones are looked up in the store; see cardsWithValue).
            st.execute("CREATE TABLE memory.main.card_keys AS SELECT DISTINCT key, card_id FROM metadata");
            st.execute("CREATE TABLE memory.main.card_values AS SELECT key, value, card_id FROM metadata_values "
                    + "WHERE length(value) <= " + SHORT_VALUE);
            st.execute("CREATE INDEX card_facts_id ON memory.main.card_facts (id)");
        }
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = root.duplicate();
            try (Statement st = c.createStatement()) {
                st.execute("USE store");
            }
            pool.add(c);
        }
    }

    /** The bit of a template section in {@code card_facts.sections}. */
    static long bit(CanonicalSection section) {
        return 1L << section.ordinal();
    }

    /** Words longer than this are left out of the body index (hashes, base64, URLs run together). */
    static final int MAX_WORD = 40;

    private volatile boolean bodyIndexBuilt;

    /**
     * The body-text index, built on the first text search: {@code body_index} holds each distinct
     * lowercase word of the card bodies (runs of letters and digits) with the sorted list of the cards
     * ({@code card_facts.card_row}) whose body has it. A word query then reads this table (a few
     * million words) instead of every body; see docs/explorer.md for its size and build time.
     */
    void ensureBodyIndex() throws SQLException {
        if (bodyIndexBuilt) {
            return;
        }
        synchronized (this) {
            if (!bodyIndexBuilt) {
                with(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE IF NOT EXISTS memory.main.body_index AS SELECT word, "
                                + "list(card ORDER BY card) AS cards FROM (SELECT rowid::INTEGER AS card, "
                                + "unnest(list_distinct(regexp_extract_all(lower(body), '[\\pL\\pN]+'))) AS word "
                                + "FROM cards) WHERE length(word) <= " + MAX_WORD + " GROUP BY word");
                    }
                    return null;
                });
                bodyIndexBuilt = true;
            }
        }
    }

    /** The report's metrics of the eval results (variants merged), computed once. */
    List<ReportFigures.MetricUse> metrics() throws SQLException {
        return cached("figures:metrics", c -> new ReportFigures(c).metrics());
    }

    /** Whether the store has this table (stores written before a table was added lack it). */
    boolean hasTable(String table) throws SQLException {
        return cached("table:" + table, c -> !rows(c, "SELECT 1 FROM information_schema.tables "
                + "WHERE table_catalog = 'store' AND table_name = ?", table).isEmpty());
    }

    boolean hasAnnotations() {
        return hasAnnotations;
    }

    /**
     * The texts of a card's sentences by position, from the table of its rows (located by rowid); a text the
     * store leaves out (schema 4: where it is the body's own text between the offsets) is cut from the body.
     */
    Map<Integer, String> sentenceTexts(CardLocation card, String body) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        for (Object[] r : cardRows(card, sentenceTable, "SELECT position, text, start_offset, end_offset", null)) {
            String text = (String) r[1];
            if (text == null && body != null && r[2] != null && r[3] != null) {
                int start = ((Number) r[2]).intValue();
                int end = ((Number) r[3]).intValue();
                text = start >= 0 && start <= end && end <= body.length() ? body.substring(start, end) : null;
            }
            if (text != null) {
                out.put(((Number) r[0]).intValue(), text);
            }
        }
        return out;
    }

    /** Work on one pooled connection. */
    <T> T with(SqlWork<T> work) throws SQLException {
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        try {
            return work.run(c);
        } finally {
            pool.add(c);
        }
    }

    /** The tables whose rows the explorer finds by rowid range: cards first. */
    private List<String> located() {
        List<String> out = new ArrayList<>(List.of("cards"));
        out.addAll(CHILD_TABLES);
        if (hasAnnotations) {
            out.add(sentenceTable);
            out.add("annotations");
        }
        return out;
    }

    /** Where a card's rows are, or null when the store has no such card. */
    CardLocation locate(String id) throws SQLException {
        List<Object[]> found = rows("SELECT * FROM memory.main.card_rows WHERE card_id = ?", id);
        if (found.isEmpty()) {
            return null;
        }
        Object[] r = found.get(0);
        Map<String, long[]> ranges = new HashMap<>();
        List<String> tables = located();
        for (int i = 0; i < tables.size(); i++) {
            if (r[1 + 2 * i] != null) {
                ranges.put(tables.get(i), new long[] {asLong(r[1 + 2 * i]), asLong(r[2 + 2 * i])});
            }
        }
        return new CardLocation(id, ranges);
    }

    /**
     * Rows of one card in a table: {@code select} is the SELECT list; the card's rowid range and id
     * complete the query. The range goes in as numeric literals (longs from our own table): DuckDB
     * pushes a rowid filter into the scan only when it is a constant, not a parameter.
     */
    List<Object[]> cardRows(CardLocation card, String table, String select, String orderBy) throws SQLException {
        long[] range = card.ranges().get(table);
        if (range == null) {
            return List.of();
        }
        return rows(select + " FROM " + table + " WHERE rowid BETWEEN " + range[0] + " AND " + range[1] + " AND "
                + (table.equals("cards") ? "id" : "card_id") + " = ?" + (orderBy == null ? "" : " ORDER BY " + orderBy),
                card.id());
    }

    /** Rows of a query with bound parameters. */
    List<Object[]> rows(String sql, Object... params) throws SQLException {
        return with(c -> rows(c, sql, params));
    }

    static List<Object[]> rows(Connection c, String sql, Object... params) throws SQLException {
        return StoreQuery.rows(c, sql, params);
    }

    /**
     * A value computed once: the store is read-only while the explorer runs, so aggregates (overview,
     * breakdowns, concept tables) are kept after their first request.
     */
    @SuppressWarnings("unchecked")
    <T> T cached(String key, SqlWork<T> work) throws SQLException {
        Object hit = cache.get(key);
        if (hit != null) {
            return (T) hit;
        }
        T value = with(work);
        cache.put(key, value);
        return value;
    }

    /** A list of strings from the first column. */
    static List<String> strings(List<Object[]> rows) {
        return rows.stream().map(r -> r[0] == null ? null : r[0].toString()).toList();
    }

    static long asLong(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static double asDouble(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }


    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
        root.close();
    }
}
