package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.io.internal.Fingerprints;
import java.io.IOException;
import java.net.URISyntaxException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run skips a card whose fingerprint is unchanged, and the fingerprint covers the card's text, not the code that
 * analysed it: when a change makes different rows of the same text (a reworded problem, a new section mapping, a
 * rules change), stored cards keep their old rows unless {@link Fingerprints#ROW_FORMAT} is bumped. This test holds
 * the rows that analyze writes for a few cards of every shape (row-format) as text, with the row format they
 * were recorded at (row-format.golden), and fails when the rows change without a new row format.
 *
 * <p>After a change that is meant to change rows: bump {@code ROW_FORMAT}, then run this test once with the
 * environment variable {@code CARDMINER_RECORD_ROWS=true}, which rewrites the golden file (and refuses to while the row format is the
 * recorded one); review its diff with the change.
 */
class RowFormatTest {

    private static final Path GOLDEN = Path.of("src/test/resources/dev/cardminer/io/row-format.golden");
    private static final String HEADER = "# rows of row-format at row format ";

    /** Columns that do not come from the card's text: where it was read, the fingerprints, the repo facts. */
    private static final String CARD_COLUMNS = "* EXCLUDE (source, fingerprint, facts_hash, author, downloads, likes, "
            + "pipeline_tag, library_name, tags, created_at, last_modified)";

    @TempDir
    Path dir;

    @Test
    void theRowsOfEachCardShapeAreTheRecordedOnesOrTheRowFormatIsNew() throws Exception {
        List<String> rows = rows();
        List<String> golden = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        int recordedFormat = Integer.parseInt(golden.get(0).substring(HEADER.length()).trim());
        boolean same = golden.subList(1, golden.size()).equals(rows);
        if ("true".equals(System.getenv("CARDMINER_RECORD_ROWS"))) {
            if (!same && recordedFormat == Fingerprints.ROW_FORMAT) {
                fail("the rows changed: bump Fingerprints.ROW_FORMAT (now " + recordedFormat + ") before recording them");
            }
            List<String> out = new ArrayList<>();
            out.add(HEADER + Fingerprints.ROW_FORMAT);
            out.addAll(rows);
            Files.write(GOLDEN, out, StandardCharsets.UTF_8);
            return;
        }
        if (!same) {
            Path actual = Path.of("target/row-format.actual");
            Files.write(actual, rows, StandardCharsets.UTF_8);
            fail("The rows analyze writes for the cards in row-format changed (" + firstDifference(
                    golden.subList(1, golden.size()), rows) + "; all of them: " + actual.toAbsolutePath() + "). Stores "
                    + "made before keep the old rows of unchanged cards: bump Fingerprints.ROW_FORMAT, then run this "
                    + "test with the environment variable CARDMINER_RECORD_ROWS=true and review the golden file's diff.");
        }
        assertThat(recordedFormat).as("ROW_FORMAT was bumped with no change of rows: record them again "
                + "(CARDMINER_RECORD_ROWS=true)").isEqualTo(Fingerprints.ROW_FORMAT);
    }

    /** Every table of a store made from the cards by the main job (rules annotation), each sorted, as text. */
    private List<String> rows() throws Exception {
        Path db = dir.resolve("rows.duckdb");
        try (CardSource source = CardSources.markdown(cards())) {
            new Analyzer(Analyzer.Config.builder(db).threads(2).batchCards(3)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
        }
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            for (String table : tables(st)) {
                out.add("## " + table);
                String columns = table.equals("cards") ? CARD_COLUMNS : "*";
                try (ResultSet rs = st.executeQuery("SELECT " + columns + " FROM \"" + table + "\" ORDER BY ALL")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(i > 1 ? " | " : "").append(escaped(rs.getString(i)));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    /** The tables and views made from cards: not the log of runs nor the store's own version. */
    private static List<String> tables(Statement st) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT "
                + "temporary AND table_name NOT IN ('runs', 'store_info') UNION ALL SELECT view_name FROM duckdb_views() "
                + "WHERE schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One row per line: line breaks, tabs and backslashes in values written as escapes. */
    private static String escaped(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                return "first at row " + (i + 2) + " of the golden file: recorded " + abbreviated(e) + ", now "
                        + abbreviated(a);
            }
        }
        return "none";
    }

    private static String abbreviated(String s) {
        return s.length() <= 200 ? "'" + s + "'" : "'" + s.substring(0, 200) + "...'";
    }

    private static Path cards() throws URISyntaxException, IOException {
        Path folder = Path.of(RowFormatTest.class.getResource("row-format").toURI());
        try (var files = Files.list(folder)) {
            assertThat(files.count()).as("cards in " + folder).isGreaterThan(5);
        }
        return folder;
    }
}
