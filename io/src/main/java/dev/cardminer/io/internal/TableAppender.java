package dev.cardminer.io.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A DuckDB appender for one table that writes the columns cardminer knows, in order, then nulls for any
 * columns added after them; {@code null} values become SQL nulls. Every table cardminer appends to goes
 * through one of these.
 */
public final class TableAppender implements AutoCloseable {

    private final DuckDBAppender appender;
    private final int extraColumns;

    private TableAppender(DuckDBAppender appender, int extraColumns) {
        this.appender = appender;
        this.extraColumns = extraColumns;
    }

    /**
     * An appender for {@code catalog.main.name} (catalog null: the store's), after checking that the table's
     * first columns are {@code columns}.
     */
    public static TableAppender open(DuckDBConnection connection, String catalog, String name, String... columns)
            throws SQLException {
        List<String> actual = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_catalog = coalesce(?, current_database()) AND table_schema = 'main' AND table_name = ? "
                + "ORDER BY ordinal_position")) {
            st.setString(1, catalog);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
            }
        }
        if (actual.size() < columns.length || !actual.subList(0, columns.length).equals(List.of(columns))) {
            throw new SQLException("the store's table " + name + " has columns " + actual + "; cardminer writes "
                    + List.of(columns) + " first (was the store made by another version?)");
        }
        DuckDBAppender appender = catalog == null ? connection.createAppender("main", name)
                : connection.createAppender(catalog, "main", name);
        return new TableAppender(appender, actual.size() - columns.length);
    }

    /** Hands the rows appended so far to the table (in the connection's open transaction, if any). */
    public void flush() throws SQLException {
        appender.flush();
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }

    public TableAppender begin() throws SQLException {
        appender.beginRow();
        return this;
    }

    public TableAppender str(String v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v);
        }
        return this;
    }

    public TableAppender list(List<String> v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v);
        }
        return this;
    }

    public TableAppender i32(int v) throws SQLException {
        appender.append(v);
        return this;
    }

    public TableAppender i32(Integer v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v.intValue());
        }
        return this;
    }

    public TableAppender i64(long v) throws SQLException {
        appender.append(v);
        return this;
    }

    public TableAppender i64(Long v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v.longValue());
        }
        return this;
    }

    public TableAppender f64(Double v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v.doubleValue());
        }
        return this;
    }

    public TableAppender bool(Boolean v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v.booleanValue());
        }
        return this;
    }

    public TableAppender time(Instant v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.appendEpochMicros(Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L),
                    v.getNano() / 1000));
        }
        return this;
    }

    public void end() throws SQLException {
        for (int i = 0; i < extraColumns; i++) {
            appender.appendNull();
        }
        appender.endRow();
    }
}
