package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.testkit.store.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run whose changed or new cards bring names into the corpus (a card id, a {@code datasets} value) or take
 * them out again ends with the store a fresh run of the same cards makes: the unchanged cards' sentences naming
 * them are revised too, not only the changed cards'.
 */
class RerunKnownNamesTest {

    @TempDir
    Path dir;

    private static final String READER = """
            # Reader

            We compare against zorg/alpha-set and zorg/beta-model in this card.

            Most of it was trained on the qwertyset-7 corpus for two epochs.

            Nothing else is said here.
            """;

    private static String holder(String datasets) {
        return "---\ndatasets:\n" + datasets + "---\n# Holder\n\nA model that holds names for the others.\n";
    }

    @Test
    void namesThatChangedCardsAddOrTakeAwayReviseTheUnchangedCards() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), READER);
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/gamma\n"));
        Path db = dir.resolve("store.duckdb");
        analyze(cards, db);
        assertThat(named(db)).as("no corpus names yet").isZero();

        // The holder now names a Hub dataset and a bare dataset name; a new card's id is a model of the corpus.
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/alpha-set\n- qwertyset-7\n"));
        Files.writeString(cards.resolve("zorg__beta-model.md"), "# Beta\n\nAnother model.\n");
        Analyzer.Result second = analyze(cards, db);
        assertThat(second.written()).isEqualTo(2);
        assertThat(second.skipped()).isEqualTo(1);
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh);
        assertThat(named(fresh)).as("the fresh run labels the three names in the reader's sentences").isEqualTo(3);
        assertSameStore(db, fresh);

        // The names go again (the new card stays: a store keeps cards the source no longer has).
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/gamma\n"));
        analyze(cards, db);
        Path fresh2 = dir.resolve("fresh2.duckdb");
        analyze(cards, fresh2);
        assertThat(named(fresh2)).as("only the model id is left").isEqualTo(1);
        assertSameStore(db, fresh2);
    }

    /**
     * A re-run stopped after some of its batches were committed and before the revision (as kill -9 leaves it: the
     * source fails after a few cards here, each card its own batch), at every point; the next run, which finds those
     * cards unchanged, still revises the other cards' sentences with the names they brought or took, and ends as a
     * fresh run. The names differ in case from the sentences' and the list's, and one new card has a legacy
     * single-name id.
     */
    @Test
    void aRerunStoppedBeforeTheRevisionIsFinishedByTheNextRun() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), READER
                + "\nSee ZORG/Alpha-Set, zorg/Delta-Set and qwertynet-3 too; also Zorg/Beta-Model.\n");
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/gamma\n- zorg/delta-set\n"));
        Files.writeString(cards.resolve("zorg__other.md"), holder("- zorg/epsilon\n"));
        Path store = dir.resolve("before.duckdb");
        analyze(cards, store);

        Files.writeString(cards.resolve("zorg__holder.md"), holder("- Zorg/ALPHA-set\n- QWERTYSET-7\n"));
        Files.writeString(cards.resolve("zorg__other.md"), holder("- zorg/epsilon\n- zorg/beta-model\n"));
        Files.writeString(cards.resolve("zorg__beta-model.md"), "# Beta\n\nAnother model.\n");
        Files.writeString(cards.resolve("qwertynet-3.md"), "# Legacy\n\nA model with a single-name id.\n");
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh);
        assertThat(named(fresh)).as("the fresh run labels the new names in the reader's sentences").isGreaterThan(3);
        for (int stopAfter = 1; stopAfter <= 4; stopAfter++) {
            Path db = dir.resolve("stopped-" + stopAfter + ".duckdb");
            Files.copy(store, db);
            int n = stopAfter;
            assertThatThrownBy(() -> analyze(cards, db, n)).hasMessageContaining("stopped");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
                assertThat(Queries.count(c, "SELECT count(*) FROM known_names_changed"))
                        .as("names the committed batches changed, kept for the next run").isPositive();
            }
            analyze(cards, db);
            assertSameStore(db, fresh);
        }
    }


    private static final String NAMING_READER = """
            # Reader

            We compare against zorg/alpha-set in this card.

            Most of it was trained on the qwertyset-7 corpus for two epochs.

            It builds on zorg/newcomer for the encoder.

            The zorg/fresh-set split was held out.

            An older zorg/only-gone run is kept.
            """;

    /**
     * The daily case: new cards come (one whose datasets the corpus already has, in another case, and one new name)
     * and a card goes (pruned, with the only card's name it had). Only the other cards' sentences naming a name that
     * came or went are revised (by their Hub ids), not those naming a name an unchanged card still has; the store
     * ends as a fresh run, and the run's row keeps the pruned count.
     */
    @Test
    void newCardsReviseOnlyTheSentencesNamingNamesThatCameOrWent() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), NAMING_READER);
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/alpha-set\n- qwertyset-7\n"));
        Files.writeString(cards.resolve("zorg__gone.md"), holder("- zorg/only-gone\n"));
        Path db = dir.resolve("store.duckdb");
        analyze(cards, db, Integer.MAX_VALUE, false);

        Files.writeString(cards.resolve("zorg__newcomer.md"), holder("- ZORG/Alpha-Set\n- qwertyset-7\n- zorg/fresh-set\n"));
        Files.delete(cards.resolve("zorg__gone.md"));
        Analyzer.Result rerun = analyze(cards, db, Integer.MAX_VALUE, true);
        assertThat(rerun.written()).isEqualTo(1);
        assertThat(rerun.pruned()).isEqualTo(1);
        long newcomer = TestCards.scalar(db, "SELECT count(*) FROM sentence_rows WHERE card_id = 'zorg/newcomer'");
        assertThat(rerun.stages().sentencesRevised())
                .as("the new card's sentences and the reader's three naming zorg/newcomer, zorg/fresh-set, zorg/only-gone")
                .isEqualTo(newcomer + 3);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM runs WHERE pruned = 1")).isEqualTo(1);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM runs WHERE pruned IS NULL")).as("the first run did not prune")
                .isEqualTo(1);

        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh);
        assertThat(TestCards.scalar(fresh, "SELECT count(*) FROM annotations WHERE card_id = 'zorg/reader' "
                + "AND lower(subject) IN ('zorg/newcomer', 'zorg/fresh-set') AND description IN ('a model id of the corpus', "
                + "'a dataset of the corpus metadata')")).as("the fresh run labels the new names").isEqualTo(2);
        assertSameStore(db, fresh);
    }

    /**
     * A store of schema 6 (no Hub ids per sentence, names waiting without their cards, as a run killed before its
     * revision leaves them) is migrated when the next run opens it, which then ends as a fresh run.
     */
    @Test
    void aSchema6StoreWithNamesWaitingIsMigratedAndEndsAsAFreshRun() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), NAMING_READER);
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- zorg/alpha-set\n"));
        Path db = dir.resolve("store.duckdb");
        analyze(cards, db);
        Files.writeString(cards.resolve("zorg__newcomer.md"), holder("- zorg/alpha-set\n- zorg/fresh-set\n"));
        Files.writeString(cards.resolve("zorg__holder.md"), holder("- qwertyset-7\n"));
        assertThatThrownBy(() -> analyze(cards, db, 2)).hasMessageContaining("stopped");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            assertThat(Queries.count(c, "SELECT count(*) FROM known_names_changed")).isPositive();
            st.execute("DROP TABLE sentence_hub_ids");
            st.execute("ALTER TABLE known_names_changed DROP COLUMN by_card");
            st.execute("ALTER TABLE runs DROP COLUMN pruned");
            st.execute("UPDATE store_info SET value = '6' WHERE key = 'schema_version'");
        }
        analyze(cards, db);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM sentence_hub_ids WHERE card_id = 'zorg/reader'"))
                .as("the migration made the reader's Hub ids").isEqualTo(4);
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh);
        assertSameStore(db, fresh);
    }

    private static Analyzer.Result analyze(Path cards, Path db) throws Exception {
        return analyze(cards, db, Integer.MAX_VALUE);
    }

    private static Analyzer.Result analyze(Path cards, Path db, int stopAfter) throws Exception {
        return analyze(cards, db, stopAfter, false);
    }

    /** Analyzes the folder, one card per batch, pruning or not; the source fails after {@code stopAfter} cards. */
    private static Analyzer.Result analyze(Path cards, Path db, int stopAfter, boolean prune) throws Exception {
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(),
                ProgressOutput.none())) {
            CardSource stopping = new CardSource() {
                private int given;

                @Override
                public SourceCard next() throws IOException {
                    if (given++ == stopAfter) {
                        throw new IOException("stopped after " + stopAfter + " cards");
                    }
                    return source.next();
                }

                @Override
                public String description() {
                    return source.description();
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
            return new Analyzer(Analyzer.Config.builder(db).threads(1).batchCards(1).prune(prune)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(stopping);
        }
    }

    /** The reader's annotations that only the corpus's own names make. */
    private static long named(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            return Queries.count(c, "SELECT count(*) FROM annotations WHERE card_id = 'zorg/reader' AND description "
                    + "IN ('a model id of the corpus', 'a dataset of the corpus metadata') OR card_id = 'zorg/reader' "
                    + "AND lower(subject) = 'qwertyset-7'");
        }
    }

    private static void assertSameStore(Path a, Path b) throws Exception {
        assertThat(TestCards.differences(a, b)).containsKeys("cards", "sentences", "annotations", "annotated_sentences",
                        "sentence_hub_ids")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }
}
