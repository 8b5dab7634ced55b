package dev.cardminer.io.concepts;

import dev.cardminer.io.CardStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Writes the store's sentences or annotations to Parquet, CSV or JSON Lines with DuckDB's COPY. */
public final class ConceptExport {

    public enum What { SENTENCES, ANNOTATIONS }

    public enum Format { PARQUET, CSV, JSONL }

    private final Connection connection;

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
        String query = switch (what) {
            case SENTENCES -> "SELECT card_id, position, section, heading, start_offset, end_offset, text, text_hash "
                    + "FROM sentences ORDER BY card_id, position";
            case ANNOTATIONS -> "SELECT a.card_id, a.sentence, a.subject, a.category, a.description, a.span_start, "
                    + "a.span_end, a.annotator, s.section, s.text AS sentence_text FROM annotations a "
                    + "LEFT JOIN sentences s ON s.card_id = a.card_id AND s.position = a.sentence"
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
