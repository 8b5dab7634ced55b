package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pruning run ({@link Analyzer.Builder#prune}) over a source that lost a card ends with the store a fresh run of that
 * source makes: the lost card and all its rows go, and the other cards' sentences that named its id or its datasets
 * are revised. Without pruning the card stays.
 */
class PruneTest {

    @TempDir
    Path dir;

    private static final String READER = """
            # Reader

            We compare against zorg/gone-model and zorg/beta-model in this card.

            Most of it was trained on zorg/gone-set and the qwertyset-7 corpus for two epochs.

            Nothing else is said here.
            """;

    private static String card(String title, String datasets) {
        return "---\ndatasets:\n" + datasets + "---\n# " + title + "\n\nA model that holds names for the others.\n";
    }

    @Test
    void aPruningRunOverASourceThatLostACardEndsAsAFreshRun() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), READER);
        Files.writeString(cards.resolve("zorg__holder.md"), card("Holder", "- zorg/delta\n"));
        Files.writeString(cards.resolve("zorg__beta-model.md"), card("Beta", "- qwertyset-7\n"));
        Files.writeString(cards.resolve("zorg__gone-model.md"), card("Gone", "- zorg/gone-set\n"));
        Path db = dir.resolve("store.duckdb");
        Path kept = dir.resolve("kept.duckdb");
        analyze(cards, db, false);
        analyze(cards, kept, false);
        assertThat(named(db)).as("the reader names the gone card's id and dataset, and beta's id, as the corpus's")
                .isEqualTo(3);

        // Source B: A without the gone card, and the holder changed.
        Files.delete(cards.resolve("zorg__gone-model.md"));
        Files.writeString(cards.resolve("zorg__holder.md"), card("Holder", "- zorg/epsilon\n"));
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh, false);
        assertThat(named(fresh)).as("only beta's id is left").isEqualTo(1);

        Analyzer.Result pruned = analyze(cards, db, true);
        assertThat(pruned.pruned()).isEqualTo(1);
        assertThat(pruned.written()).isEqualTo(1);
        assertThat(pruned.summary()).contains(", 1 pruned)");
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE id = 'zorg/gone-model'")).isZero();
        assertThat(TestCards.differences(db, fresh)).containsKeys("cards", "metadata_values", "sections", "sentences",
                        "annotations", "annotated_sentences", "known_names_pending")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());

        Analyzer.Result again = analyze(cards, db, true);
        assertThat(again.pruned()).as("nothing left to prune").isZero();
        assertThat(again.written()).isZero();

        Analyzer.Result notPruned = analyze(cards, kept, false);
        assertThat(notPruned.pruned()).isEqualTo(-1);
        assertThat(notPruned.summary()).doesNotContain("pruned");
        assertThat(TestCards.scalar(kept, "SELECT count(*) FROM cards WHERE id = 'zorg/gone-model'"))
                .as("without --prune the card stays").isEqualTo(1);
        assertThat(TestCards.differences(kept, fresh).get("cards")).isEqualTo(1);
    }

    /** A run killed after its last batch and before the prune's commit: the next pruning run does it. */
    @Test
    void aPruningRunThatFailedLeavesThePruneToTheNext() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), READER);
        Files.writeString(cards.resolve("zorg__gone-model.md"), card("Gone", "- zorg/gone-set\n"));
        Path db = dir.resolve("store.duckdb");
        analyze(cards, db, false);
        Files.delete(cards.resolve("zorg__gone-model.md"));
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            CardSource failing = new CardSource() {
                private boolean given;

                @Override
                public SourceCard next() throws java.io.IOException {
                    if (given) {
                        throw new java.io.IOException("the listing broke off");
                    }
                    given = true;
                    return source.next();
                }

                @Override
                public String description() {
                    return source.description();
                }

                @Override
                public void close() throws java.io.IOException {
                    source.close();
                }
            };
            assertThatThrownBy(() -> new Analyzer(config(db, true).build()).run(failing))
                    .hasMessageContaining("broke off");
        }
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE id = 'zorg/gone-model'"))
                .as("a source that failed prunes nothing").isEqualTo(1);
        assertThat(analyze(cards, db, true).pruned()).isEqualTo(1);
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh, false);
        assertThat(TestCards.differences(db, fresh))
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }

    /** An empty folder is more likely a mistake than the deletion of every card: nothing is pruned, and it is said. */
    @Test
    void aSourceThatGaveNoCardPrunesNothing() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("zorg__reader.md"), READER);
        Path db = dir.resolve("store.duckdb");
        analyze(cards, db, false);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Analyzer.Result result = analyze(empty, db, true);
        assertThat(result.pruned()).isZero();
        assertThat(result.summary()).contains("nothing pruned: the source gave no card");
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(1);
    }

    /**
     * An entry the source could not read (here a JSON Lines line whose card is a number) may be a stored card's: it is
     * not pruned, nor is anything else, and the summary says why.
     */
    @Test
    void aSourceWithAnEntryItCouldNotReadPrunesNothing() throws Exception {
        Path lines = dir.resolve("cards.jsonl");
        String reader = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(READER);
        Files.writeString(lines, "{\"modelId\": \"zorg/reader\", \"card\": " + reader + "}\n"
                + "{\"modelId\": \"zorg/other\", \"card\": \"# Other\\n\\nA second card.\\n\"}\n");
        Path db = dir.resolve("store.duckdb");
        analyze(lines, db, false);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(2);
        Files.writeString(lines, "{\"modelId\": \"zorg/reader\", \"card\": " + reader + "}\n"
                + "{\"modelId\": \"zorg/other\", \"card\": 42}\n");
        Analyzer.Result result = analyze(lines, db, true);
        assertThat(result.unreadable()).isEqualTo(1);
        assertThat(result.pruned()).isZero();
        assertThat(result.summary()).contains("nothing pruned: 1 entry of the source could not be read");
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE id = 'zorg/other'")).isEqualTo(1);
    }

    @Test
    void pruningWithALimitIsRefused() {
        assertThatThrownBy(() -> config(dir.resolve("x.duckdb"), true).limit(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    private static Analyzer.Builder config(Path db, boolean prune) {
        return Analyzer.Config.builder(db).threads(2).batchCards(1).prune(prune)
                .annotators(ConceptAnnotation.Annotators.RULES);
    }

    private static Analyzer.Result analyze(Path cards, Path db, boolean prune) throws Exception {
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(),
                ProgressOutput.none())) {
            return new Analyzer(config(db, prune).build()).run(source);
        }
    }

    /** The reader's annotations that only the corpus's own names make. */
    private static long named(Path db) throws Exception {
        return TestCards.scalar(db, "SELECT count(*) FROM annotations WHERE card_id = 'zorg/reader' AND description "
                + "IN ('a model id of the corpus', 'a dataset of the corpus metadata')");
    }
}
