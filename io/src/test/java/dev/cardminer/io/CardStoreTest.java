package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreHasEveryTableAndTheCurrentVersion() throws Exception {
        Path db = dir.resolve("new.duckdb");
        try (CardStore store = CardStore.open(db)) {
            assertThat(CardStore.schemaVersion(store.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
            for (String table : new String[] {"cards", "sentences", "annotations", "llm_cache", "runs", "store_info"}) {
                assertThat(CardStore.hasTable(store.connection(), table)).as(table).isTrue();
            }
            assertThat(CardStore.hasTable(store.connection(), "no_such_table")).isFalse();
        }
    }

    @Test
    void aStoreFromBeforeVersioningIsMigrated() throws Exception {
        Path db = dir.resolve("old.duckdb");
        // What an early writer left: no store_info, runs without the later columns, cards without body.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cards (id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL)");
            st.execute("CREATE TABLE runs (run_id VARCHAR, source VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP,"
                    + " cards_seen BIGINT, cards_new BIGINT, cards_skipped BIGINT, failures BIGINT)");
            st.execute("INSERT INTO cards VALUES ('org/a', 'x')");
        }
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            assertThat(CardStore.schemaVersion(store.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
            assertThat(columns(st, "runs")).contains("cards_replaced", "duplicates", "bytes");
            assertThat(columns(st, "cards")).contains("body");
            assertThat(CardStore.hasTable(store.connection(), "sentences")).isTrue();
            try (ResultSet rs = st.executeQuery("SELECT id FROM cards")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("org/a");
            }
        }
        // Opening again changes nothing.
        try (CardStore store = CardStore.open(db)) {
            assertThat(CardStore.schemaVersion(store.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
        }
    }

    @Test
    void aVersion2StoreGetsTheTableOfCardsWaitingForTheCorpusNames() throws Exception {
        Path db = dir.resolve("v2.duckdb");
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            st.execute("DROP TABLE known_names_pending");
            st.execute("UPDATE store_info SET value = '2' WHERE key = 'schema_version'");
        }
        try (CardStore store = CardStore.open(db)) {
            assertThat(CardStore.schemaVersion(store.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
            assertThat(CardStore.hasTable(store.connection(), "known_names_pending")).isTrue();
        }
    }

    @Test
    void aVersion5StoreGetsTheCardsBodyLineColumnWithItsCardsKept() throws Exception {
        Path db = dir.resolve("v5.duckdb");
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            st.execute("ALTER TABLE cards DROP COLUMN body_line");
            st.execute("INSERT INTO cards (id, content_hash, body, has_metadata) VALUES ('org/a', 'x', 'text', false)");
            st.execute("UPDATE store_info SET value = '5' WHERE key = 'schema_version'");
        }
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            assertThat(CardStore.schemaVersion(store.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
            assertThat(columns(st, "cards")).contains("body_line");
            try (ResultSet rs = st.executeQuery("SELECT id, body, body_line FROM cards")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("org/a");
                assertThat(rs.getString(2)).isEqualTo("text");
                assertThat(rs.getObject(3)).isNull();   // unknown until the card is written again
            }
        }
    }

    @Test
    void aStoreOfANewerVersionIsRefused() throws Exception {
        Path db = dir.resolve("newer.duckdb");
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            st.execute("UPDATE store_info SET value = '99' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> CardStore.open(db).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("newer cardminer");
    }

    @Test
    void theReadOnlyOpenerRefusesWritesAndMissingFiles() throws Exception {
        Path db = dir.resolve("ro.duckdb");
        CardStore.open(db).close();
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO cards (id, content_hash) VALUES ('a', 'b')"))
                    .isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> CardStore.openReadOnly(dir.resolve("missing.duckdb")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no such store");
    }

    @Test
    void aSecondWriterInTheProcessIsRefusedAtOnceNamingTheStoreUntilTheFirstIsClosed() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Path sameFile = dir.resolve("sub/../store.duckdb");
        java.nio.file.Files.createDirectories(dir.resolve("sub"));
        try (CardStore first = CardStore.open(db)) {
            assertThatThrownBy(() -> CardStore.open(sameFile)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("store.duckdb")
                    .hasMessageContaining("already open for writing in this process: one writer per store");
            // An Analyzer that opens the store itself is refused the same way, before it writes anything.
            assertThatThrownBy(() -> new Analyzer(Analyzer.Config.of(db)).run(CardSources.of(
                    SourceCard.ofText("org/a", "test", "# A\n", RepoFacts.NONE))))
                    .isInstanceOf(SQLException.class).hasMessageContaining("one writer per store");
            try (Statement st = first.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM runs")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (CardStore again = CardStore.open(sameFile)) {
            assertThat(CardStore.schemaVersion(again.connection())).isEqualTo(CardStore.SCHEMA_VERSION);
        }
    }

    @Test
    void readingAndWritingOneStoreInOneProcessAreRefusedWithAMessageNotDuckDbs() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CardStore.open(db).close();
        try (Connection reader = CardStore.openReadOnly(db)) {
            assertThatThrownBy(() -> CardStore.open(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("store.duckdb")
                    .hasMessageContaining("already open in this process with other settings (read-only, or for "
                            + "queries): it cannot also be opened for writing");
            assertThatThrownBy(() -> QueryConnection.open(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot also be opened for queries");
        }
        try (CardStore writer = CardStore.open(db)) {
            assertThatThrownBy(() -> CardStore.openReadOnly(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("store.duckdb")
                    .hasMessageContaining("open for writing in this process: it cannot also be opened read-only");
            assertThatThrownBy(() -> QueryConnection.open(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot also be opened for queries");
        }
        try (Connection reader = CardStore.openReadOnly(db)) {
            assertThat(CardStore.schemaVersion(reader)).isEqualTo(CardStore.SCHEMA_VERSION);
        }
    }

    private static java.util.List<String> columns(Statement st, String table) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table + "'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
