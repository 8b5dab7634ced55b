package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.AnnotationPhase;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules annotation made in one pass with ingestion ends with the very store that ingestion followed by
 * the annotation phase makes: the same sentences, annotations, done-marks and problems, on the 499 real cards.
 */
class OnePassTest {

    @TempDir
    Path dir;

    private static final ConceptAnnotation RULES = new ConceptAnnotation(
            new ConceptAnnotation.Settings(ConceptAnnotation.Annotators.RULES, null, 500));

    @Test
    void onePassEqualsIngestionThenTheAnnotationPhase() throws Exception {
        String corpus = TestCards.shared().resolve("corpus/cards").toString();

        Path twoPhase = dir.resolve("two-phase.duckdb");
        try (CardSource cards = CardSources.open(corpus, HubOptions.fromEnvironment(), ProgressOutput.none());
             CardStore store = CardStore.open(twoPhase)) {
            new Analyzer(Analyzer.Config.of(twoPhase)).run(cards, store);
            ConceptAnnotation.Report report = RULES.run(store.connection(), new PrintWriter(new StringWriter()));
            assertThat(report.sentencesSplit()).isPositive();
        }

        Path onePass = dir.resolve("one-pass.duckdb");
        try (CardSource cards = CardSources.open(corpus, HubOptions.fromEnvironment(), ProgressOutput.none());
             CardStore store = CardStore.open(onePass)) {
            Analyzer.Result result = new Analyzer(Analyzer.Config.builder(onePass)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(cards, store);
            assertThat(result.stages().sentencesRevised()).as("sentences the corpus's names could change")
                    .isPositive();
            // The annotation phase that analyze runs next finds nothing left to do, and says what the pass made.
            StringWriter log = new StringWriter();
            ConceptAnnotation.Report report = RULES.run(store.connection(), new PrintWriter(log));
            assertThat(report.sentencesSplit()).isZero();
            assertThat(report.runs()).extracting(AnnotationPhase.Result::sentences).containsExactly(0L);
            long done;
            long made;
            try (var st = store.connection().createStatement();
                 var rs = st.executeQuery("SELECT (SELECT count(*) FROM annotated_sentences), "
                         + "(SELECT count(*) FROM annotations)")) {
                rs.next();
                done = rs.getLong(1);
                made = rs.getLong(2);
            }
            assertThat(made).isPositive();
            assertThat(log.toString()).contains(String.format(
                    "annotate: rules: every sentence is annotated (the store holds %,d annotated sentence%s, %,d annotation%s)",
                    done, done == 1 ? "" : "s", made, made == 1 ? "" : "s"));
        }

        Map<String, Long> differences = new TreeMap<>(TestCards.differences(onePass, twoPhase));
        // The one pass marks whole cards, the phase single sentences: the view that reads both is compared.
        assertThat(differences.remove("annotated_cards")).isPositive();
        assertThat(differences.remove("sentence_marks")).isPositive();
        assertThat(differences)
                .containsKeys("cards", "problems", "sentences", "annotations", "annotated_sentences")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
        assertThat(TestCards.scalar(onePass, "SELECT count(*) FROM annotations")).isPositive();
        assertThat(TestCards.scalar(onePass, "SELECT count(*) FROM known_names_pending")).isZero();
        // A few waiting cards have all their sentences annotated again; many, only those the names' patterns find:
        // the same annotations either way.
        try (CardStore store = CardStore.open(onePass); var st = store.connection().createStatement()) {
            st.execute("INSERT INTO known_names_pending SELECT id FROM cards");
            AnnotationPhase.Revision filtered = new AnnotationPhase(store.connection(), 500)
                    .reviseKnownNames(100_000, 100_000);
            assertThat(filtered.patterns()).isPositive();
            assertThat(filtered.sentences()).isPositive().isLessThan(TestCards.scalar(twoPhase,
                    "SELECT count(*) FROM sentences"));
        }
        Map<String, Long> again = TestCards.differences(onePass, twoPhase);
        assertThat(again.get("annotations")).as("annotations differing after the filtered revision").isZero();
        assertThat(again.get("known_names_pending")).isZero();
        // Annotations that only the corpus's own names make are there: the revision was needed and done.
        assertThat(TestCards.scalar(onePass, "SELECT count(*) FROM annotations WHERE annotator = '"
                + RuleAnnotator.NAME + "' AND description IN ('a model id of the corpus', "
                + "'a dataset of the corpus metadata')")).isPositive();
    }
}
