package dev.cardminer.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The cards of a Parquet file in the Hub dataset schema (a {@code card} column), read with DuckDB.
 *
 * @param cards the card texts, nulls left out
 * @param bytes their total size in UTF-8 bytes
 */
public record Corpus(List<String> cards, long bytes) {

    public Corpus {
        cards = List.copyOf(cards);
    }

    /** Reads the {@code card} column of a Parquet file. */
    public static Corpus load(Path parquet) throws SQLException {
        if (!Files.isRegularFile(parquet)) {
            throw new IllegalArgumentException("no such Parquet file: " + parquet);
        }
        String literal = "'" + parquet.toAbsolutePath().toString().replace("'", "''") + "'";
        List<String> cards = new ArrayList<>();
        long bytes = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT card FROM read_parquet(" + literal + ")")) {
            while (rows.next()) {
                String card = rows.getString(1);
                if (card != null) {
                    cards.add(card);
                    bytes += card.getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return new Corpus(cards, bytes);
    }

    public double megabytes() {
        return bytes / 1e6;
    }
}
