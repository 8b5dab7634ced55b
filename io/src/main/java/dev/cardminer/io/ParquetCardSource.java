package dev.cardminer.io;

import dev.cardminer.io.internal.SkippedTally;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Cards from Parquet files in the schema of the Hub's {@code librarian-bots/model_cards_with_metadata}
 * dataset (modelId, author, last_modified, downloads, likes, library_name, tags, pipeline_tag, createdAt,
 * card), read file by file through an in-memory DuckDB with a streaming result, so rows are fetched a chunk at a
 * time. Only {@code modelId} and {@code card} are required, as text; other columns may be missing.
 *
 * <p>Each file is checked before reading starts (its footer and its schema): of several, one that is truncated,
 * not Parquet, or in another schema is skipped and located ({@link #skipped()}) and the others are read. One that
 * breaks while being read (a damaged page) is read again row group by row group from the row it broke at, so that
 * only the row groups that cannot be read are lost, each skipped and located by its rows. A source with no readable
 * file is an error. Rows are located by their file and their row in it.
 */
final class ParquetCardSource implements CardSource {

    /** A file that passed the check: where its cards come from, the columns read, and its row count. */
    private record Part(Path file, String origin, String columns, long rows) {

        String query() {
            return "SELECT " + columns + " FROM read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
        }

        /** Rows {@code from} (0-based, inclusive) to {@code to} (exclusive); DuckDB reads only their row groups. */
        String query(long from, long to) {
            return "SELECT " + columns + " FROM read_parquet(" + literal(file.toAbsolutePath().toString())
                    + ", file_row_number = true) WHERE file_row_number >= " + from + " AND file_row_number < " + to;
        }
    }

    private final String description;
    private final Connection connection;
    private final List<Part> parts = new ArrayList<>();
    private final long expected;
    private final SkippedTally skipped = new SkippedTally();
    private int nextPart;
    private Part part;
    private Statement statement;
    private ResultSet rows;
    /** The rows of the current file given so far (= the 0-based file row of the next one). */
    private long row;
    /** After the current file broke: the {from, to} row ranges (its row groups) still to read, else null. */
    private Deque<long[]> ranges;
    private long rangeEnd;

    /**
     * @param origin each card's origin for a file (its path, or one name for all: the Hub's shard)
     * @param what   what the source is called in an error (the file or folder given, the Hub's dataset)
     */
    private ParquetCardSource(List<Path> files, Function<Path, String> origin, String what) throws IOException {
        this.description = "parquet:" + what;
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        try {
            this.connection = DriverManager.getConnection("jdbc:duckdb:", props);
        } catch (SQLException e) {
            throw new IOException("cannot read " + what + ": " + DuckDbErrors.reason(e), e);
        }
        long count = 0;
        for (Path file : files) {
            try {
                Part checked = check(file, origin.apply(file));
                parts.add(checked);
                count += checked.rows();
            } catch (IOException e) {
                skip(e.getMessage());
            }
        }
        this.expected = count;
        if (parts.isEmpty()) {
            closeQuietly(connection);
            throw new IOException(files.size() == 1 ? skipped.first().getFirst()
                    : what + ": no file can be read as model cards; " + String.join("; ", skipped.first()));
        }
    }

    /** A file's schema and row count from its footer, or an error naming the file and what is wrong with it. */
    private Part check(Path file, String origin) throws IOException {
        String source = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
        Map<String, String> types = new HashMap<>();
        long count;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IOException(unreadable(file, e), e);
        }
        for (String required : List.of("modelId", "card")) {
            String type = types.get(required);
            if (type == null) {
                throw new IOException(file + ": not in the model-card dataset schema (no " + required
                        + " column; found " + types.keySet() + ")");
            }
            // Cast to text, a number would become an id or a card's body ("42") without a word.
            if (!type.equals("VARCHAR")) {
                throw new IOException(file + ": not in the model-card dataset schema (its " + required
                        + " column holds " + type + ", not text)");
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(num_rows) FROM parquet_file_metadata("
                     + literal(file.toAbsolutePath().toString()) + ")")) {
            rs.next();
            count = rs.getLong(1);
        } catch (SQLException e) {
            throw new IOException(unreadable(file, e), e);
        }
        String columns = String.join(", ",
                text(types, "modelId"), text(types, "card"), text(types, "author"),
                number(types, "downloads"), number(types, "likes"), text(types, "pipeline_tag"),
                text(types, "library_name"), tags(types), time(types, "createdAt"), time(types, "last_modified"));
        return new Part(file, origin, columns, count);
    }

    /** The line for a file DuckDB cannot read as Parquet, with DuckDB's reason. */
    private static String unreadable(Path file, SQLException e) {
        return file + ": not readable as Parquet (truncated or corrupt?): " + reason(file, e);
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
        return new ParquetCardSource(files, Path::toString, fileOrFolder.toString());
    }

    /** Several Parquet files read as one source, named {@code origin} (e.g. the Hub's shards). */
    static ParquetCardSource open(List<Path> files, String origin) throws IOException {
        if (files.isEmpty()) {
            throw new IOException(origin + ": no Parquet files");
        }
        return new ParquetCardSource(files, f -> origin, origin);
    }

    @Override
    public SourceCard next() throws IOException {
        while (true) {
            if (rows == null && !startNextRange() && !startNextPart()) {
                return null;
            }
            try {
                if (!rows.next()) {
                    endPart();
                    continue;
                }
                row++;
                String where = part.origin().equals(part.file().toString()) ? "row " + row
                        : part.file().getFileName() + " row " + row;
                String id = rows.getString(1);
                String card = rows.getString(2);
                if (id == null || id.isBlank()) {
                    return SourceCard.unreadable(part.origin() + "#row" + row, part.origin(), where + " has no modelId");
                }
                if (card == null) {
                    return SourceCard.unreadable(id, part.origin(), where + " has no card text");
                }
                RepoFacts facts = new RepoFacts(rows.getString(3), longOrNull(4), longOrNull(5), rows.getString(6),
                        rows.getString(7), tagList(rows.getArray(8)), instant(9), instant(10));
                return SourceCard.ofText(id, part.origin(), card, facts);
            } catch (SQLException e) {
                failed(e);
            }
        }
    }

    /**
     * Reading the current file (or one of its row ranges) failed. The rows before are given already; what a
     * damaged page loses is its row group, so the rest of the file is read again group by group and only the groups
     * that fail are skipped, each located by its rows.
     */
    private void failed(SQLException e) throws IOException {
        String reason = reason(part.file(), e);
        endPart();
        if (ranges != null) {
            skip(part.file() + ": rows " + (row + 1) + " to " + rangeEnd + " not read: " + reason);
            return;
        }
        ranges = rowGroupsFrom(row);
        if (ranges == null) {
            skip(row == 0 ? unreadable(part.file(), e)
                    : part.file() + ": rows from " + (row + 1) + " on not read: " + reason);
        }
    }

    /** Starts reading the next row range of a file that broke; false when there is none (or the file is done). */
    private boolean startNextRange() throws IOException {
        while (ranges != null && !ranges.isEmpty()) {
            long[] range = ranges.poll();
            row = range[0];
            rangeEnd = range[1];
            try {
                statement = connection.createStatement();
                rows = statement.executeQuery(part.query(range[0], range[1]));
                return true;
            } catch (SQLException e) {
                failed(e);
            }
        }
        ranges = null;
        return false;
    }

    /** The current file's row groups as row ranges, from row {@code from} on; null if its footer cannot say. */
    private Deque<long[]> rowGroupsFrom(long from) {
        Deque<long[]> out = new ArrayDeque<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                     + literal(part.file().toAbsolutePath().toString()) + ") ORDER BY row_group_id")) {
            long start = 0;
            while (rs.next()) {
                long end = start + rs.getLong(2);
                if (end > from) {
                    out.add(new long[] {Math.max(start, from), end});
                }
                start = end;
            }
        } catch (SQLException e) {
            return null;
        }
        return out;
    }

    /** DuckDB's reason, with the file as the user named it rather than the absolute path DuckDB was given. */
    private static String reason(Path file, SQLException e) {
        return DuckDbErrors.reason(e).replace(file.toAbsolutePath().toString(), file.toString());
    }

    private boolean startNextPart() throws IOException {
        while (nextPart < parts.size()) {
            part = parts.get(nextPart++);
            row = 0;
            ranges = null;
            try {
                statement = connection.createStatement();
                rows = statement.executeQuery(part.query());
                return true;
            } catch (SQLException e) {
                failed(e);
                if (startNextRange()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void endPart() throws IOException {
        try (Statement s = statement; ResultSet r = rows) {
            // closes both
        } catch (SQLException e) {
            throw new IOException("cannot close " + part.file() + ": " + DuckDbErrors.reason(e), e);
        } finally {
            statement = null;
            rows = null;
        }
    }

    private void skip(String why) {
        skipped.add(why);
    }

    @Override
    public SkippedEntries skipped() {
        return new SkippedEntries(skipped.count(), skipped.first());
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
        try (connection; Statement s = statement; ResultSet r = rows) {
            // closes all three
        } catch (SQLException e) {
            throw new IOException("cannot close " + description + ": " + DuckDbErrors.reason(e), e);
        }
    }

    private Long longOrNull(int column) throws SQLException {
        long v = rows.getLong(column);
        return rows.wasNull() ? null : v;
    }

    private Instant instant(int column) throws SQLException {
        long micros = rows.getLong(column);
        // microseconds, not nanoseconds: a date after 2262 (9999-12-31 in a hand-made file) overflows a long of nanos
        return rows.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
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

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
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
