package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetCardSourceTest {

    @TempDir
    Path dir;

    /** Writes a Parquet file in the Hub dataset's schema with DuckDB. */
    static Path writeHubParquet(Path file, int cards) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("CREATE TABLE t (modelId VARCHAR, author VARCHAR, last_modified TIMESTAMPTZ, downloads BIGINT, "
                    + "likes BIGINT, library_name VARCHAR, tags VARCHAR[], pipeline_tag VARCHAR, createdAt TIMESTAMPTZ, "
                    + "card VARCHAR)");
            for (int i = 0; i < cards; i++) {
                st.execute("INSERT INTO t VALUES ('org" + (i % 2) + "/m" + i + "', 'org" + (i % 2) + "', "
                        + "TIMESTAMPTZ '2024-01-0" + (1 + i % 9) + " 10:00:00+00', " + (i * 10) + ", " + i
                        + ", 'transformers', ['t" + i + "', 'shared'], 'text-classification', "
                        + "TIMESTAMPTZ '2022-05-01 00:00:00+00', '" + TestCards.card(i).replace("'", "''") + "')");
            }
            st.execute("COPY t TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void readsCardsAndRepoFactsInFileOrder() throws Exception {
        Path file = writeHubParquet(dir.resolve("cards.parquet"), 5);

        try (ParquetCardSource source = ParquetCardSource.open(file)) {
            assertThat(source.expectedCards()).isEqualTo(5);
            List<SourceCard> cards = TestCards.readAll(source);
            assertThat(cards).extracting(SourceCard::id).containsExactly("org0/m0", "org1/m1", "org0/m2", "org1/m3", "org0/m4");
            SourceCard third = cards.get(2);
            assertThat(third.text()).isEqualTo(TestCards.card(2));
            assertThat(third.facts()).isEqualTo(new RepoFacts("org0", 20L, 2L, "text-classification", "transformers",
                    List.of("t2", "shared"), Instant.parse("2022-05-01T00:00:00Z"), Instant.parse("2024-01-03T10:00:00Z")));
        }
    }

    @Test
    void toleratesMissingOptionalColumnsAndReadsFolders() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("shards/a"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'x/one' AS modelId, 'card one' AS card) TO '" + sub.resolve("1.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT NULL::VARCHAR AS modelId, 'orphan' AS card) TO '" + dir.resolve("shards/2.parquet") + "' (FORMAT parquet)");
        }
        List<SourceCard> cards = TestCards.readAll(ParquetCardSource.open(dir.resolve("shards")));
        assertThat(cards).hasSize(2);
        assertThat(cards).filteredOn(c -> c.failure() == null).singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo("x/one");
                    assertThat(c.facts()).isEqualTo(RepoFacts.NONE);
                });
        assertThat(cards).filteredOn(c -> c.failure() != null).singleElement()
                .satisfies(c -> assertThat(c.failure()).contains("no modelId"));
    }

    @Test
    void rejectsParquetInAnotherSchema() throws Exception {
        Path file = dir.resolve("other.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1 AS x) TO '" + file + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> ParquetCardSource.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("no modelId column");
    }

    @Test
    void aTruncatedFileIsRefusedWithDuckDbsReasonAndItsName() throws Exception {
        Path whole = writeHubParquet(dir.resolve("whole.parquet"), 3);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.parquet"), java.util.Arrays.copyOf(bytes, bytes.length - 200));

        assertThatThrownBy(() -> ParquetCardSource.open(cut)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(cut + ": not readable as Parquet (truncated or corrupt?): ")
                .hasMessageContaining("No magic bytes found at end of file '" + cut + "'")
                .hasMessageNotContaining("pending query result");
    }

    @Test
    void inAFolderABadFileIsSkippedAndLocatedAndTheOthersAreRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("shards"));
        writeHubParquet(folder.resolve("a.parquet"), 2);
        byte[] bytes = Files.readAllBytes(writeHubParquet(dir.resolve("whole.parquet"), 3));
        Files.write(folder.resolve("b-cut.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'x/one' AS id, 'card' AS text) TO '" + folder.resolve("c-other.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT 'x/two' AS modelId, 42 AS card) TO '" + folder.resolve("d-number.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT 'x/three' AS modelId, 'card three' AS card UNION ALL SELECT NULL, 'orphan') TO '"
                    + folder.resolve("e.parquet") + "' (FORMAT parquet)");
        }

        try (ParquetCardSource source = ParquetCardSource.open(folder)) {
            assertThat(source.expectedCards()).isEqualTo(4);
            List<SourceCard> cards = TestCards.readAll(source);
            assertThat(cards).extracting(SourceCard::id)
                    .containsExactly("org0/m0", "org1/m1", "x/three", folder.resolve("e.parquet") + "#row2");
            assertThat(cards).extracting(SourceCard::origin).containsExactly(folder.resolve("a.parquet").toString(),
                    folder.resolve("a.parquet").toString(), folder.resolve("e.parquet").toString(),
                    folder.resolve("e.parquet").toString());
            assertThat(cards.get(3).failure()).isEqualTo("row 2 has no modelId");
            SkippedEntries skipped = source.skipped();
            assertThat(skipped.count()).isEqualTo(3);
            assertThat(skipped.first().get(0)).startsWith(folder.resolve("b-cut.parquet") + ": not readable as Parquet");
            assertThat(skipped.first().get(1)).isEqualTo(folder.resolve("c-other.parquet")
                    + ": not in the model-card dataset schema (no modelId column; found [id, text])");
            assertThat(skipped.first().get(2)).isEqualTo(folder.resolve("d-number.parquet")
                    + ": not in the model-card dataset schema (its card column holds INTEGER, not text)");
        }
    }

    @Test
    void aDamagedRowGroupLosesOnlyItsOwnRowsAndIsLocated() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("damaged"));
        Path broken = folder.resolve("a.parquet");
        long from;
        long to;
        long offset;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // several row groups (2,048 rows is DuckDB's smallest); a middle one will break
            st.execute("COPY (SELECT 'org/m' || i AS modelId, 'card ' || i || ' ' || md5(i::VARCHAR) AS card "
                    + "FROM range(10000) r(i) ORDER BY i) TO '" + broken + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
            List<long[]> groups = new java.util.ArrayList<>();
            try (var rs = st.executeQuery("SELECT row_group_num_rows, data_page_offset FROM parquet_metadata('" + broken
                    + "') WHERE path_in_schema = 'card' ORDER BY row_group_id")) {
                while (rs.next()) {
                    groups.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            assertThat(groups).hasSizeGreaterThanOrEqualTo(3);
            int middle = groups.size() / 2;
            long start = 0;
            for (long[] g : groups.subList(0, middle)) {
                start += g[0];
            }
            from = start;
            to = start + groups.get(middle)[0];
            offset = groups.get(middle)[1];
            st.execute("COPY (SELECT 'x/after' AS modelId, 'card after' AS card) TO '" + folder.resolve("b.parquet")
                    + "' (FORMAT parquet)");
        }
        // that row group's first data page header becomes garbage: the footer and schema still read, its rows do not
        try (var file = new java.io.RandomAccessFile(broken.toFile(), "rw")) {
            file.seek(offset);
            byte[] junk = new byte[32];
            java.util.Arrays.fill(junk, (byte) 0xFF);
            file.write(junk);
        }

        try (ParquetCardSource source = ParquetCardSource.open(folder)) {
            List<SourceCard> cards = TestCards.readAll(source);
            assertThat(source.skipped().first()).as("skipped").hasSize(1);
            assertThat(cards).as("cards read").hasSize(10000 - (int) (to - from) + 1);
            List<String> expected = new java.util.ArrayList<>();
            for (long i = 0; i < 10000; i++) {
                if (i < from || i >= to) {
                    expected.add("org/m" + i);
                }
            }
            expected.add("x/after");
            assertThat(cards).extracting(SourceCard::id).isEqualTo(expected);
            assertThat(cards.get((int) from).text()).startsWith("card " + to + " ");
            SkippedEntries skipped = source.skipped();
            assertThat(skipped.count()).isEqualTo(1);
            assertThat(skipped.first().get(0)).startsWith(broken + ": rows " + (from + 1) + " to " + to + " not read: ");
        }
    }

    @Test
    void aTimestampPastTheYear2262IsReadNotAnOverflowThatEndsTheSource() throws Exception {
        Path file = dir.resolve("future.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES ('x/far', 'card far', TIMESTAMP '9999-12-31 00:00:00'), "
                    + "('x/next', 'card next', TIMESTAMP '2024-01-01 00:00:00')) t(modelId, card, last_modified)) TO '"
                    + file + "' (FORMAT parquet)");
        }
        try (ParquetCardSource source = ParquetCardSource.open(file)) {
            List<SourceCard> cards = TestCards.readAll(source);
            assertThat(cards).extracting(SourceCard::id).containsExactly("x/far", "x/next");
            assertThat(cards.get(0).facts().lastModified()).isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
            assertThat(source.skipped().count()).isZero();
        }
    }

    @Test
    void aFolderWithoutAReadableFileIsAnError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("x.parquet"), "not parquet at all");
        Files.writeString(folder.resolve("y.parquet"), "");
        assertThatThrownBy(() -> ParquetCardSource.open(folder)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(folder + ": no file can be read as model cards; " + folder.resolve("x.parquet")
                        + ": not readable as Parquet");
    }

    @Test
    void streamsTheSharedHubSnapshot() throws Exception {
        Path file = TestCards.shared().resolve("corpus/hub-2023.parquet");
        long count = 0;
        long chars = 0;
        try (ParquetCardSource source = ParquetCardSource.open(file)) {
            assertThat(source.expectedCards()).isEqualTo(19_014);
            SourceCard c;
            while ((c = source.next()) != null) {
                count++;
                chars += c.text().length();
                assertThat(c.failure()).isNull();
            }
        }
        assertThat(count).isEqualTo(19_014);
        assertThat(chars).isGreaterThan(40_000_000);
    }

    /**
     * {@code cards.content_hash} is DuckDB's {@code sha256} of the Parquet's card column: the SHA-256 of the text's
     * UTF-8 bytes, a byte-order mark, CRLF line ends and characters outside ASCII and the BMP included, so a query
     * (or a source that hashes where it reads) can tell which stored cards a file has as they are.
     */
    @Test
    void theContentHashIsDuckDbsSha256OfTheCardText() throws Exception {
        Path file = dir.resolve("shapes.parquet");
        List<String> texts = List.of("\uFEFF---\nlicense: mit\n---\n# With a BOM\n", "---\r\nlicense: mit\r\n---\r\n# CRLF\r\n",
                "# Modèle pour le français\n\nÜbersetzung, 中文, 日本語 and 🤗 (outside the BMP).\n", "", "\u0085\u2028 odd breaks\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (modelId VARCHAR, card VARCHAR)");
            try (var insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < texts.size(); i++) {
                    insert.setString(1, "org/m" + i);
                    insert.setString(2, texts.get(i));
                    insert.executeUpdate();
                }
            }
            st.execute("COPY t TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        List<SourceCard> cards = TestCards.readAll(ParquetCardSource.open(file));
        assertThat(cards).extracting(SourceCard::text).containsExactlyElementsOf(texts);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT sha256(card) FROM read_parquet('" + file.toAbsolutePath() + "')")) {
            for (SourceCard card : cards) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(card.id()).isEqualTo(card.contentHash());
            }
        }
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = ParquetCardSource.open(file)) {
            new Analyzer(Analyzer.Config.builder(db).build()).run(source);
        }
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards c JOIN read_parquet('" + file.toAbsolutePath()
                + "') p ON p.modelId = c.id AND sha256(p.card) = c.content_hash")).isEqualTo(texts.size());
    }
}
