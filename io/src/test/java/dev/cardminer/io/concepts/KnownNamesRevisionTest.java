package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.testkit.store.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known-names revision with as many corpus dataset names as make one RE2 pattern too large for DuckDB
 * (RE2's memory limit; 36,000 random names are past it): the names are matched in
 * several patterns, and the sentence naming the last of them is annotated with it all the same.
 */
class KnownNamesRevisionTest {

    private static final int CARDS_WITH_NAMES = 4;
    private static final int NAMES_PER_CARD = 9_000;

    @TempDir
    Path dir;

    @Test
    void moreNamesThanOnePatternTakesAreMatchedInParts() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        // Random letters: names with common prefixes make a much smaller RE2 program.
        Random random = new Random(14);
        String last = null;
        for (int c = 0; c < CARDS_WITH_NAMES; c++) {
            StringBuilder card = new StringBuilder("---\ndatasets:\n");
            for (int i = 0; i < NAMES_PER_CARD; i++) {
                StringBuilder name = new StringBuilder();
                for (int k = 0; k < 16; k++) {
                    name.append((char) ('a' + random.nextInt(26)));
                }
                last = name.append('-').append(i).toString();
                card.append("- ").append(last).append('\n');
            }
            card.append("---\n# Model ").append(c).append("\n\nA model trained on many sets.\n");
            Files.writeString(cards.resolve("org__names-" + c + ".md"), card.toString());
        }
        Files.writeString(cards.resolve("org__user.md"), "# User\n\nWe fine-tuned it on " + last
                + " for two epochs. Nothing else here.\n");
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            Analyzer.Result r = new Analyzer(Analyzer.Config.builder(db)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
            assertThat(r.stages().sentencesRevised()).isPositive();
        }
        String named = "SELECT count(*) FROM annotations WHERE card_id = 'org/user' AND lower(subject) = '" + last + "'";
        List<String> before;
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            assertThat(Queries.count(store.connection(), named)).as("the corpus's dataset name, found").isPositive();
            before = annotations(store.connection());
            // The same revision again, asked for one pattern with every name: RE2 refuses it, the parts take it;
            // and the cards two by two, in three queries.
            st.execute("INSERT INTO known_names_pending SELECT id FROM cards");
            AnnotationPhase.Revision again = new AnnotationPhase(store.connection(), 2000)
                    .reviseKnownNames(Integer.MAX_VALUE, 2);
            assertThat(again.patterns()).isGreaterThan(1);
            assertThat(again.sentences()).isPositive();
            assertThat(annotations(store.connection())).containsExactlyInAnyOrderElementsOf(before);
            assertThat(Queries.count(store.connection(), "SELECT count(*) FROM known_names_pending")).isZero();
        }
    }

    /**
     * The revision's parts read only the rows between their cards' first and last row ids: after re-runs that
     * replaced cards (their old rows deleted, the new ones written last, so a card's rows and the cards' order no
     * longer follow each other) every sentence of every part is still read. The rules annotations are taken away and
     * every card made to wait: revised one, two and three cards per part, the store has a fresh run's annotations.
     */
    @Test
    void partsReadEverySentenceOfTheirCardsAfterReplacements() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Path db = dir.resolve("store.duckdb");
        for (int run = 0; run < 3; run++) {
            for (int c = 0; c < 7; c++) {
                // Each run changes a different few cards (and adds one): replaced rows land after the others.
                String version = (c + run) % 3 == 0 ? " (version " + run + ")" : "";
                Files.writeString(cards.resolve("org__card-" + c + ".md"), "---\ndatasets:\n- org/set-" + c
                        + "\n---\n# Card " + c + " on org/set-" + c + version + "\n\nTrained on org/set-" + ((c + 1) % 7)
                        + " with BERT for 3 epochs" + version + ".\n\nCompared with org/card-" + ((c + 2) % 7)
                        + " on GLUE.\n\nAlso fine-tuned from bert-base-uncased.\n");
            }
            Files.writeString(cards.resolve("org__added-" + run + ".md"), "# Added\n\nUses org/set-" + run
                    + " and org/card-" + run + ".\n");
            analyze(cards, db);
        }
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh);
        List<String> expected;
        try (CardStore store = CardStore.open(fresh)) {
            expected = annotations(store.connection());
        }
        assertThat(expected).isNotEmpty();
        for (int perPart = 1; perPart <= 3; perPart++) {
            try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
                assertThat(annotations(store.connection())).containsExactlyInAnyOrderElementsOf(expected);
                st.execute("DELETE FROM annotations");
                st.execute("INSERT INTO known_names_pending SELECT id FROM cards");
                AnnotationPhase.Revision revision = new AnnotationPhase(store.connection(), 2000)
                        .reviseKnownNames(AnnotationPhase.FILTER_CHARS, perPart, Integer.MAX_VALUE);
                assertThat(revision.sentences()).as("every sentence read, %d cards per part", perPart)
                        .isEqualTo(Queries.count(store.connection(), "SELECT count(*) FROM sentence_rows"));
                assertThat(annotations(store.connection())).as("%d cards per part", perPart)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    private static void analyze(Path cards, Path db) throws Exception {
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.builder(db).threads(1).batchCards(2)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
        }
    }

    private static List<String> annotations(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT card_id, sentence, subject, category, span_start, span_end "
                     + "FROM annotations")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getInt(5) + "|" + rs.getInt(6));
            }
        }
        return out;
    }
}
