package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.testkit.store.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private static Analyzer.Result analyze(Path cards, Path db) throws Exception {
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(),
                ProgressOutput.none())) {
            return new Analyzer(Analyzer.Config.builder(db).threads(1)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
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
        assertThat(TestCards.differences(a, b)).containsKeys("cards", "sentences", "annotations", "annotated_sentences")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }
}
