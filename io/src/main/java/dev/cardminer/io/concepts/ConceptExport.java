package dev.cardminer.io.concepts;

import dev.cardminer.io.CardStore;
import dev.cardminer.io.CsvCells;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Writes the store's sentences or annotations to Parquet, CSV or JSON Lines with DuckDB's COPY. */
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
     */
    public long export(What what, Format format, Path out, String annotator) throws SQLException {
        String table = what == What.SENTENCES ? "sentences" : "annotations";
        if (!CardStore.hasTable(connection, table)) {
            throw new SQLException("the store has no " + table + " table: run cardminer analyze on it first");
        }
        // CSV is opened in spreadsheets: text from cards that starts like a formula is defused there.
        UnaryOperator<String> text = format != Format.CSV ? c -> c
                : c -> CsvCells.defuseSql(c) + " AS " + c.substring(c.indexOf('.') + 1);
        String query = switch (what) {
            case SENTENCES -> "SELECT " + text.apply("card_id") + ", position, " + text.apply("section") + ", "
                    + text.apply("heading") + ", start_offset, end_offset, " + text.apply("text")
                    // The LLM cache's key (a stored column before schema version 4).
                    + ", sha256(text) AS text_hash "
                    + "FROM sentences ORDER BY sentences.card_id, position";
            case ANNOTATIONS -> "SELECT " + text.apply("a.card_id") + ", a.sentence, " + text.apply("a.subject") + ", "
                    + text.apply("a.category") + ", " + text.apply("a.description") + ", a.span_start, a.span_end, "
                    + text.apply("a.annotator") + ", " + text.apply("s.section") + ", "
                    + (format == Format.CSV ? CsvCells.defuseSql("s.text") : "s.text") + " AS sentence_text "
                    + "FROM annotations a LEFT JOIN sentences s ON s.card_id = a.card_id AND s.position = a.sentence"
                    + (annotator == null ? "" : " WHERE a.annotator = " + literal(annotator))
                    + " ORDER BY a.card_id, a.sentence, a.span_start";
        };
        String options = switch (format) {
            case PARQUET -> "FORMAT parquet, COMPRESSION zstd";
            case CSV -> "FORMAT csv, HEADER true";
            case JSONL -> "FORMAT json";
        };
        try (Statement st = connection.createStatement()) {
            return st.executeLargeUpdate("COPY (" + query + ") TO " + literal(out.toAbsolutePath().toString())
                    + " (" + options + ")");
        }
    }

    /** Parses a format name (parquet, csv, jsonl or json). */
    public static Format format(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("json") || n.equals("ndjson") ? Format.JSONL : Format.valueOf(n.toUpperCase(Locale.ROOT));
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
