package dev.cardminer.io.concepts;

import dev.cardminer.io.CardStore;
import dev.cardminer.io.CsvCells;
import dev.cardminer.io.DuckDbErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the store's sentences or annotations to Parquet, CSV or JSON Lines with DuckDB's COPY: into a file of its
 * own beside the target, moved over the target only once complete, so that a failed export (a full disk) leaves the
 * target as it was, or absent, and nothing else.
 */
public final class ConceptExport {

    /** Which table to export. */
    public enum What {
        /** The {@code sentences} table, with each sentence's text hash. */
        SENTENCES,
        /** The {@code annotations} table, with each annotation's section and sentence text. */
        ANNOTATIONS
    }

    /** The file format written. */
    public enum Format {
        /** Parquet, zstd-compressed. */
        PARQUET,
        /** CSV with a header; text that starts like a spreadsheet formula is defused. */
        CSV,
        /** JSON Lines: one object per row. */
        JSONL
    }

    private final Connection connection;

    /** An export from the store open on {@code connection}; not thread-safe (one statement at a time). */
    public ConceptExport(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param annotator only this annotator's annotations (null: all; ignored for sentences)
     * @return the rows written
     * @throws IOException when the file cannot be written (a full disk): the target is left as it was
     */
    public long export(What what, Format format, Path out, String annotator) throws SQLException, IOException {
        String table = what == What.SENTENCES ? "sentences" : "annotations";
        if (!CardStore.hasTable(connection, table)) {
            throw new SQLException("the store has no " + table + " table: run cardminer analyze on it first");
        }
        // CSV is opened in spreadsheets and shown on terminals: card text loses its control characters there and is
        // defused when it starts like a formula.
        UnaryOperator<String> text = format != Format.CSV ? c -> c
                : c -> CsvCells.cellSql(c) + " AS " + c.substring(c.indexOf('.') + 1);
        String query = switch (what) {
            case SENTENCES -> "SELECT " + text.apply("card_id") + ", position, " + text.apply("section") + ", "
                    + text.apply("heading") + ", start_offset, end_offset, " + text.apply("text")
                    // The LLM cache's key (a stored column before schema version 4).
                    + ", sha256(text) AS text_hash "
                    + "FROM sentences ORDER BY sentences.card_id, position";
            case ANNOTATIONS -> "SELECT " + text.apply("a.card_id") + ", a.sentence, " + text.apply("a.subject") + ", "
                    + text.apply("a.category") + ", " + text.apply("a.description") + ", a.span_start, a.span_end, "
                    + text.apply("a.annotator") + ", " + text.apply("s.section") + ", "
                    + (format == Format.CSV ? CsvCells.cellSql("s.text") : "s.text") + " AS sentence_text "
                    + "FROM annotations a LEFT JOIN sentences s ON s.card_id = a.card_id AND s.position = a.sentence"
                    + (annotator == null ? "" : " WHERE a.annotator = " + literal(annotator))
                    + " ORDER BY a.card_id, a.sentence, a.span_start";
        };
        String options = switch (format) {
            case PARQUET -> "FORMAT parquet, COMPRESSION zstd";
            case CSV -> "FORMAT csv, HEADER true";
            case JSONL -> "FORMAT json";
        };
        Path target = out.toAbsolutePath();
        // Not Files.createTempFile: its file is private (0600), and the export is the target's once moved.
        removeDeadParts(target);
        Path part = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".part");
        boolean moved = false;
        try (Statement st = connection.createStatement()) {
            // DuckDB's own USE_TMP_FILE would leave its tmp_ file behind on a failure.
            long rows = st.executeLargeUpdate("COPY (" + query + ") TO " + literal(part.toString())
                    + " (" + options + ", USE_TMP_FILE false)");
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return rows;
        } catch (SQLException e) {
            String reason = DuckDbErrors.reason(e);
            if (!reason.startsWith("IO Error")) {
                throw e;
            }
            Matcher m = WRITE_FAILED.matcher(reason);
            throw new IOException("cannot write " + out + ": "
                    + (m.find() ? m.group(1) : reason.replace(part.toString(), out.toString())), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * Deletes what exports to this target killed before their end left (kill -9 runs no finally): the part files
     * whose process is gone. A live one's is another export's, running now.
     */
    private static void removeDeadParts(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> siblings = Files.list(folder)) {
            for (Path p : siblings.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !name.endsWith(".part")) {
                    continue;
                }
                Matcher m = PART_PID.matcher(name.substring(prefix.length()));
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The pid and time in a part file's name after the target's: {@code 1234-5678.part}. */
    private static final Pattern PART_PID = Pattern.compile("(\\d{1,18})-\\d+\\.part");

    /** DuckDB's words for a write the system refused: the system's reason is what a user needs. */
    private static final Pattern WRITE_FAILED = Pattern.compile("Could not write file \"[^\"]*\": (.+)");

    /** Parses a format name (parquet, csv, jsonl or json). */
    public static Format format(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("json") || n.equals("ndjson") ? Format.JSONL : Format.valueOf(n.toUpperCase(Locale.ROOT));
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
