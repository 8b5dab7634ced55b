package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.io.internal.Fingerprints;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hub's dataset is refreshed daily and most cards' downloads and likes change with it, their text rarely: a
 * re-run stores the new facts of a card whose text is unchanged without analysing it again, and the store ends as a
 * fresh run of the new file makes it.
 */
class RerunFactsTest {

    private static final int CARDS = 24;

    @TempDir
    Path dir;

    /**
     * Day 1, then day 2: every card's downloads and likes changed, some cards' tags, task, library and dates, one
     * card's text, one card new. Day 2 parses only the changed and the new card.
     */
    @Test
    void aRerunWithNewFactsOnlyUpdatesThemAndEndsAsAFreshRun() throws Exception {
        Path file = dir.resolve("hub.parquet");
        Path db = dir.resolve("store.duckdb");
        writeDay(file, 1);
        assertThat(analyze(file, db).written()).isEqualTo(CARDS + 1);

        writeDay(file, 2);
        Analyzer.Result rerun = analyze(file, db);
        assertThat(rerun.written()).as("parsed: the changed card and the new one").isEqualTo(2);
        assertThat(rerun.replaced()).isEqualTo(1);
        assertThat(rerun.skipped()).isEqualTo(CARDS);
        assertThat(rerun.factsUpdated()).as("all but the changed and the unreadable card").isEqualTo(CARDS - 1);
        assertThat(rerun.summary()).contains(CARDS + " unchanged (" + (CARDS - 1) + " with new repo facts or source)");
        assertThat(TestCards.scalar(db, "SELECT facts_updated FROM runs ORDER BY started_at DESC LIMIT 1"))
                .isEqualTo(CARDS - 1);
        assertThat(TestCards.scalar(db, "SELECT downloads FROM cards WHERE id = 'org1/m3'")).isEqualTo(3 * 10 + 2);

        Path fresh = dir.resolve("fresh.duckdb");
        analyze(file, fresh);
        assertSameStore(db, fresh);

        Analyzer.Result again = analyze(file, db);
        assertThat(again.written()).isZero();
        assertThat(again.factsUpdated()).isZero();
        assertSameStore(db, fresh);
    }

    /**
     * The same cards read from another file (a renamed copy): nothing is parsed, every card gets its new source, and
     * the store ends as a fresh run of that file.
     */
    @Test
    void aRerunFromAnotherFileStoresTheNewSourceWithoutParsing() throws Exception {
        Path first = dir.resolve("day1.parquet");
        Path db = dir.resolve("store.duckdb");
        writeDay(first, 1);
        analyze(first, db);
        Path moved = dir.resolve("moved.parquet");
        Files.copy(first, moved);
        Analyzer.Result rerun = analyze(moved, db);
        assertThat(rerun.written()).as("parsed").isZero();
        assertThat(rerun.factsUpdated()).as("every card, the unreadable one too").isEqualTo(CARDS + 1);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE source LIKE '%day1%'")).isEqualTo(0L);
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(moved, fresh);
        assertSameStore(db, fresh);
    }

    /**
     * A store of schema 7 has one fingerprint of text and facts together and no facts hash: opened by this version it
     * gets the text fingerprints of its rows' row format, 1 (the only one up to schema 7), so that a re-run under a
     * later row format analyses every card again instead of keeping rows made by older rules; the store then ends as
     * a fresh run, and a further re-run skips every card.
     */
    @Test
    void aSchema7StoreIsMigratedAndItsCardsOfRowFormat1AreAnalysedAgain() throws Exception {
        Path file = dir.resolve("hub.parquet");
        Path db = dir.resolve("store.duckdb");
        writeDay(file, 1);
        analyze(file, db);
        List<SourceCard> day1 = TestCards.readAll(ParquetCardSource.open(file));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             PreparedStatement update = c.prepareStatement("UPDATE cards SET fingerprint = ? WHERE id = ?")) {
            for (SourceCard card : day1) {
                update.setLong(1, schema7Fingerprint(card));
                update.setString(2, card.id());
                update.executeUpdate();
            }
            st.execute("ALTER TABLE cards DROP COLUMN facts_hash");
            st.execute("ALTER TABLE runs DROP COLUMN facts_updated");
            st.execute("UPDATE store_info SET value = '7' WHERE key = 'schema_version'");
        }
        writeDay(file, 2);
        Analyzer.Result rerun = analyze(file, db);
        assertThat(Fingerprints.ROW_FORMAT).isGreaterThan(1);
        assertThat(rerun.written()).as("parsed: every card of the day, the unreadable one included").isEqualTo(CARDS + 2);
        assertThat(rerun.skipped()).isZero();
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(file, fresh);
        assertSameStore(db, fresh);
        assertThat(analyze(file, db).skipped()).isEqualTo(CARDS + 2);
    }

    /** {@code cards.fingerprint} as cardminer wrote it up to schema 7: SHA-256 of text hash, facts, failure, row format. */
    private static long schema7Fingerprint(SourceCard card) throws Exception {
        String what = card.contentHash() + '\u0000' + card.facts() + '\u0000' + card.failure() + '\u0000' + 1;
        return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }

    /**
     * The day's file, in the Hub dataset's schema: card i has downloads {@code 10 i + day} and likes {@code i + day};
     * on day 2 every third card has another tag, task, library and last-modified time, card 5's text has a sentence
     * more and card {@code CARDS} is new. The first row, on both days, has no card text (an unreadable card).
     */
    private static void writeDay(Path file, int day) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("CREATE TABLE t (modelId VARCHAR, author VARCHAR, last_modified TIMESTAMPTZ, downloads BIGINT, "
                    + "likes BIGINT, library_name VARCHAR, tags VARCHAR[], pipeline_tag VARCHAR, createdAt TIMESTAMPTZ, "
                    + "card VARCHAR)");
            st.execute("INSERT INTO t (modelId) VALUES ('org9/unreadable')");
            int cards = day == 1 ? CARDS : CARDS + 1;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?::TIMESTAMPTZ, ?, ?, ?, "
                    + "string_split(?, ','), ?, TIMESTAMPTZ '2022-05-01 00:00:00+00', ?)")) {
                for (int i = 0; i < cards; i++) {
                    boolean other = day == 2 && i % 3 == 0;
                    insert.setString(1, "org" + (i % 2) + "/m" + i);
                    insert.setString(2, "org" + (i % 2));
                    insert.setString(3, other ? "2024-02-01 10:00:00+00" : "2024-01-0" + (1 + i % 9) + " 10:00:00+00");
                    insert.setLong(4, 10L * i + day);
                    insert.setLong(5, (long) i + day);
                    insert.setString(6, other ? "peft" : "transformers");
                    insert.setString(7, other ? "t" + i + ",shared,new" : "t" + i + ",shared");
                    insert.setString(8, other ? "text-generation" : "text-classification");
                    insert.setString(9, TestCards.card(i) + (day == 2 && i == 5 ? "\nIt was changed on day two.\n" : ""));
                    insert.executeUpdate();
                }
            }
            st.execute("COPY t TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
    }

    private static Analyzer.Result analyze(Path file, Path db) throws Exception {
        try (CardSource source = CardSources.open(file.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            return new Analyzer(Analyzer.Config.builder(db).threads(2).batchCards(5)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
        }
    }

    private static void assertSameStore(Path a, Path b) throws Exception {
        assertThat(TestCards.differences(a, b)).containsKeys("cards", "metadata", "sections", "sentences", "annotations",
                        "annotated_sentences", "sentence_hub_ids", "known_names_changed", "known_names_pending")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }
}
