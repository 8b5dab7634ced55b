package dev.cardminer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Cards from Parquet files in the schema of the Hub's {@code librarian-bots/model_cards_with_metadata}
 * dataset (modelId, author, last_modified, downloads, likes, library_name, tags, pipeline_tag, createdAt,
 * card), read through an in-memory DuckDB with a streaming result, so rows are fetched a chunk at a time.
 * Only {@code modelId} and {@code card} are required; other columns may be missing.
 */
final class ParquetCardSource implements CardSource {

    private final String description;
    private final String origin;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final long expected;
    private long row;

    private ParquetCardSource(List<Path> files, String origin) throws IOException {
        this.origin = origin;
        this.description = "parquet:" + origin;
        String list = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElseThrow();
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:", props);
            Map<String, String> types = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + list + ", union_by_name=true)")) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT));
                }
            }
            for (String required : List.of("modelId", "card")) {
                if (!types.containsKey(required)) {
                    throw new IOException(origin + ": not in the model-card dataset schema (no " + required
                            + " column; found " + types.keySet() + ")");
                }
            }
            long count;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT sum(num_rows) FROM parquet_file_metadata(" + list + ")")) {
                rs.next();
                count = rs.getLong(1);
            }
            this.expected = count;
            String sql = "SELECT " + String.join(", ",
                    text(types, "modelId"), text(types, "card"), text(types, "author"),
                    number(types, "downloads"), number(types, "likes"), text(types, "pipeline_tag"),
                    text(types, "library_name"), tags(types), time(types, "createdAt"), time(types, "last_modified"))
                    + " FROM read_parquet(" + list + ", union_by_name=true)";
            this.connection = c;
            this.statement = c.createStatement();
            this.rows = statement.executeQuery(sql);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IOException("cannot read " + origin + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** A Parquet file, or every {@code *.parquet} file under a folder (recursively, in path order). */
    static ParquetCardSource open(Path fileOrFolder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IOException(fileOrFolder + ": no .parquet files in this folder");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files.add(fileOrFolder);
        } else {
            throw new IOException(fileOrFolder + ": no such file or folder");
        }
        return new ParquetCardSource(files, fileOrFolder.toString());
    }

    /** Several Parquet files read as one source, named {@code origin} (e.g. the Hub's shards). */
    static ParquetCardSource open(List<Path> files, String origin) throws IOException {
        if (files.isEmpty()) {
            throw new IOException(origin + ": no Parquet files");
        }
        return new ParquetCardSource(files, origin);
    }

    @Override
    public SourceCard next() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            row++;
            String id = rows.getString(1);
            String card = rows.getString(2);
            if (id == null || id.isBlank()) {
                return SourceCard.unreadable(origin + "#row" + row, origin, "row " + row + " has no modelId");
            }
            if (card == null) {
                return SourceCard.unreadable(id, origin, "row " + row + " has no card text");
            }
            RepoFacts facts = new RepoFacts(rows.getString(3), longOrNull(4), longOrNull(5), rows.getString(6),
                    rows.getString(7), tagList(rows.getArray(8)), instant(9), instant(10));
            return SourceCard.ofText(id, origin, card, facts);
        } catch (SQLException e) {
            throw new IOException("cannot read " + origin + " at row " + (row + 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long expectedCards() {
        return expected;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; rows) {
            // closes all three
        } catch (SQLException e) {
            throw new IOException("cannot close " + origin + ": " + e.getMessage(), e);
        }
    }

    private Long longOrNull(int column) throws SQLException {
        long v = rows.getLong(column);
        return rows.wasNull() ? null : v;
    }

    private Instant instant(int column) throws SQLException {
        long micros = rows.getLong(column);
        return rows.wasNull() ? null : Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L));
    }

    /** A SQL list of tags as strings (null items left out), or null for a null list; also StoreCardSource's. */
    static List<String> tagList(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] items = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(items.length);
        for (Object item : items) {
            if (item != null) {
                out.add(item.toString());
            }
        }
        return out;
    }

    private static String quote(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }

    private static String text(Map<String, String> types, String column) {
        return types.containsKey(column) ? "CAST(" + quote(column) + " AS VARCHAR)" : "NULL::VARCHAR";
    }

    private static String number(Map<String, String> types, String column) {
        return types.containsKey(column) ? "TRY_CAST(" + quote(column) + " AS BIGINT)" : "NULL::BIGINT";
    }

    private static String tags(Map<String, String> types) {
        return types.containsKey("tags") ? "TRY_CAST(\"tags\" AS VARCHAR[])" : "NULL::VARCHAR[]";
    }

    private static String time(Map<String, String> types, String column) {
        String type = types.get(column);
        if (type == null) {
            return "NULL::BIGINT";
        }
        return type.startsWith("TIMESTAMP") ? "epoch_us(" + quote(column) + ")"
                : "epoch_us(TRY_CAST(" + quote(column) + " AS TIMESTAMP))";
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }
}
