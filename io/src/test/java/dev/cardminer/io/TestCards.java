package dev.cardminer.io;

import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic cards and store comparisons shared by the io tests. */
final class TestCards {

    private TestCards() {
    }

    static Path shared() {
        return SharedData.root();
    }

    /** A small card of our own, with metadata, an eval result, sections and links; {@code n} varies it. */
    static String card(int n) {
        return """
                ---
                license: apache-2.0
                language:
                - en
                tags:
                - test-%1$d
                - synthetic
                datasets: demo/dataset-%1$d
                model-index:
                - name: model-%1$d
                  results:
                  - task:
                      type: text-classification
                    dataset:
                      type: demo/dataset-%1$d
                      name: Demo %1$d
                    metrics:
                    - type: accuracy
                      value: 0.%1$d
                ---
                # Model %1$d

                This model number %1$d classifies demo text. It was trained on demo/dataset-%1$d.

                ## Training Data

                See https://huggingface.co/datasets/demo/dataset-%1$d and arXiv:2106.0%1$04d for details.

                ## Limitations

                [More Information Needed]
                """.formatted(n);
    }

    /** Writes {@code count} cards as org{n%%3}__model-n.md files. */
    static Path cardFolder(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve("org" + (i % 3) + "__model-" + i + ".md"), card(i), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Rows per table of a store. */
    static Map<String, Long> counts(Path db) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); Statement st = c.createStatement()) {
            for (String table : tables(st, "current_database()")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * Rows that differ between two stores, per table (multiset difference both ways, all columns); the
     * runs log is left out. Empty map entries (0) for equal tables.
     */
    static Map<String, Long> differences(Path a, Path b) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("ATTACH '" + a.toAbsolutePath() + "' AS a (READ_ONLY)");
            st.execute("ATTACH '" + b.toAbsolutePath() + "' AS b (READ_ONLY)");
            for (String table : tables(st, "'a'")) {
                if (table.equals("runs")) {
                    continue;
                }
                String t = "\"" + table + "\"";
                try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM a." + t
                        + " EXCEPT ALL SELECT * FROM b." + t + ")) + (SELECT count(*) FROM (SELECT * FROM b." + t
                        + " EXCEPT ALL SELECT * FROM a." + t + "))")) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Tables and views (the sentences with their text) of an attached database; {@code database} is an SQL expression naming it. */
    private static List<String> tables(Statement st, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                + database + " AND schema_name = 'main' AND NOT temporary UNION ALL SELECT view_name FROM duckdb_views() "
                + "WHERE database_name = " + database + " AND schema_name = 'main' AND NOT internal AND NOT temporary "
                + "ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static long scalar(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drains a source. */
    static List<SourceCard> readAll(CardSource source) throws IOException {
        List<SourceCard> out = new ArrayList<>();
        try (source) {
            SourceCard c;
            while ((c = source.next()) != null) {
                out.add(c);
            }
        }
        return out;
    }
}
