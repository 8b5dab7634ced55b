package dev.cardminer.report.internal;

import dev.cardminer.io.StoreQuery;
import dev.cardminer.io.CardStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only queries on the store. A table the store lacks (an older or half-made store) reads as
 * empty, so the report still comes out.
 */
public final class StoreView {

    private final Connection connection;
    private final Map<String, Boolean> tables = new HashMap<>();

    public StoreView(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public boolean has(String table) throws SQLException {
        String key = table.toLowerCase(Locale.ROOT);
        Boolean known = tables.get(key);
        if (known == null) {
            known = CardStore.hasTable(connection, key);
            tables.put(key, known);
        }
        return known;
    }

    /** Rows of a query; each row's cells as JDBC gives them. */
    public List<Object[]> rows(String sql, Object... params) throws SQLException {
        return StoreQuery.rows(connection, sql, params);
    }

    /** A single number (0 when the query gives no row or null). */
    public long count(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() || rows.get(0)[0] == null ? 0 : ((Number) rows.get(0)[0]).longValue();
    }

    /** A single floating-point value, or NaN when null. */
    public double number(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() || rows.get(0)[0] == null ? Double.NaN : ((Number) rows.get(0)[0]).doubleValue();
    }

    /**
     * An aggregate over {@code cards}: how many have the metadata key, or 0 when the store has no
     * metadata table.
     */
    public String countCardsWithKey(String key) throws SQLException {
        return has("metadata")
                ? "count(*) FILTER (WHERE id IN (SELECT card_id FROM metadata WHERE key = '" + key + "'))" : "0";
    }

    static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static double asDouble(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
