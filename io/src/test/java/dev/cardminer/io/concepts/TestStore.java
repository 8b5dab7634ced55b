package dev.cardminer.io.concepts;

import dev.cardminer.testkit.SharedData;
import dev.cardminer.core.ModelCard;
import dev.cardminer.io.CardStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** A store for tests: the schema, and cards of ../shared/corpus (id, body and datasets/base_model values). */
final class TestStore {

    private TestStore() {
    }

    static Connection open(Path file) throws SQLException, IOException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + (file == null ? "" : file.toString()));
        try (Statement st = c.createStatement()) {
            st.execute(CardStore.schema());
        }
        return c;
    }

    /** Adds the corpus cards of these kinds (directories under cards/). */
    static int addCorpusCards(Connection c, List<String> kinds) throws IOException, SQLException {
        Path cards = SharedData.corpusCards();
        int n = 0;
        try (PreparedStatement card = c.prepareStatement(
                "INSERT INTO cards (id, content_hash, has_metadata, body) VALUES (?, 'x', ?, ?)");
             PreparedStatement value = c.prepareStatement(
                     "INSERT INTO metadata_values (card_id, key, position, value) VALUES (?, ?, ?, ?)")) {
            for (String kind : kinds) {
                List<Path> files;
                try (Stream<Path> list = Files.list(cards.resolve(kind))) {
                    files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                }
                for (Path f : files) {
                    String id = f.getFileName().toString().replaceFirst("\\.md$", "").replace("__", "/");
                    ModelCard parsed = ModelCard.parse(id, Files.readAllBytes(f));
                    card.setString(1, id);
                    card.setBoolean(2, parsed.hasMetadata());
                    card.setString(3, parsed.body());
                    card.executeUpdate();
                    int p = 0;
                    for (String d : parsed.metadata().datasets()) {
                        value.setString(1, id);
                        value.setString(2, "datasets");
                        value.setInt(3, p++);
                        value.setString(4, d);
                        value.executeUpdate();
                    }
                    p = 0;
                    for (String b : parsed.metadata().baseModel()) {
                        value.setString(1, id);
                        value.setString(2, "base_model");
                        value.setInt(3, p++);
                        value.setString(4, b);
                        value.executeUpdate();
                    }
                    n++;
                }
            }
        }
        return n;
    }

    /** The rows of a query, each as its values joined with tabs. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "\t" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
