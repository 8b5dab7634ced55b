package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.Agreement;
import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptNormaliser;
import dev.cardminer.annotate.ConceptSummary;
import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.store.Queries;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationPhaseTest {

    private final StringWriter logText = new StringWriter();
    private final PrintWriter log = new PrintWriter(logText);

    @Test
    void rulesAnnotateTheStoreOnceAndTheSeedTablesFollow() throws Exception {
        SyntheticStore store = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("trainer", "llm")).build();
        try (Connection c = store.open(null)) {
            int cards = store.cards().size();
            AnnotationPhase phase = new AnnotationPhase(c, 500);
            long sentences = phase.ensureSentences();
            assertThat(sentences).isGreaterThan(20L * cards);
            assertThat(phase.ensureSentences()).isZero();
            AnnotationPhase.Result first = phase.run(new RuleAnnotator(phase.knownNames()), log);
            assertThat(first.sentences()).isEqualTo(sentences);
            assertThat(first.annotations()).isEqualTo(Queries.count(c, "SELECT count(*) FROM annotations"));
            AnnotationPhase.Result again = phase.run(new RuleAnnotator(phase.knownNames()), log);
            assertThat(again.sentences()).isZero();
            assertThat(Queries.count(c, "SELECT count(*) FROM annotations")).isEqualTo(first.annotations());

            // Corpus datasets are known names: a trainer card's dataset id is labelled a dataset.
            assertThat(Queries.count(c, "SELECT count(*) FROM annotations a JOIN metadata_values m "
                    + "ON m.card_id = a.card_id AND m.key = 'datasets' AND m.value = a.subject "
                    + "WHERE a.category = 'dataset'")).isPositive();

            ConceptQueries queries = new ConceptQueries(c);
            ConceptSummary merged = queries.summary(null, 20, false);
            ConceptSummary raw = queries.summary(null, 20, true);
            assertThat(merged.annotations()).isEqualTo(first.annotations()).isEqualTo(raw.annotations());
            assertThat(merged.uniqueSubjects()).isLessThan(raw.uniqueSubjects());
            assertThat(merged.topCategories()).extracting(ConceptCount::name)
                    .contains("model", "model modification", "metric", "hyperparameter", "software version");
            ConceptSummary metrics = queries.summary("metric", 30, false);
            assertThat(metrics.uniqueCategories()).isEqualTo(1);
            assertThat(metrics.topSubjects()).extracting(ConceptCount::name)
                    .contains("Accuracy", "F1", "Validation Loss", "Training Loss", "Precision", "Recall");
            ConceptCount accuracy = metrics.topSubjects().stream().filter(r -> r.name().equals("Accuracy"))
                    .findFirst().orElseThrow();
            assertThat(accuracy.forms()).contains("Accuracy", "accuracy");
            assertThat(metrics.topSubjects().stream().mapToDouble(ConceptCount::proportion).sum()).isLessThanOrEqualTo(100.0001);
            assertThat(queries.examples(accuracy.forms(), "metric", 3)).hasSize(3)
                    .allMatch(e -> e.text().toLowerCase().contains("accuracy"));
        }
    }

    @Test
    void anLlmRunStoppedMidwayResumesWithoutRepeatingRequests(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("store.duckdb");
        long total;
        long firstDone;
        long unanswered;
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("translation")).build().open(db)) {
            AnnotationPhase phase = new AnnotationPhase(c, 64);
            total = phase.ensureSentences();
            assertThat(total).isGreaterThan(100);
            // The server breaks down after 70 answers: the run stops on its failure budget.
            StoreLlmCache cache = new StoreLlmCache(c);
            try (FakeChatServer server = FirstWordLabeller.server(n -> n > 70);
                 LlmAnnotator llm = new LlmAnnotator(config(server).withFailureBudget(2), cache)) {
                AnnotationPhase.Result r = phase.run(llm, log);
                assertThat(r.stopped()).isTrue();
                assertThat(llm.stats().answered()).isEqualTo(70);
                // Sentences whose text was already answered (repeated headings) are completed from the cache.
                assertThat(r.sentences()).isGreaterThanOrEqualTo(70).isLessThan(total);
                firstDone = r.sentences();
            }
            assertThat(Queries.count(c, "SELECT count(*) FROM llm_cache")).isEqualTo(70);
            unanswered = Queries.count(c, "SELECT count(DISTINCT sha256(text)) FROM sentences "
                    + "WHERE sha256(text) NOT IN (SELECT text_hash FROM llm_cache)");
        }
        // A new process on the same store file: only the sentences without a cached answer are sent.
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).build().open(db);
             FakeChatServer server = FirstWordLabeller.server(n -> false)) {
            StoreLlmCache cache = new StoreLlmCache(c);
            AnnotationPhase phase = new AnnotationPhase(c, 64);
            try (LlmAnnotator llm = new LlmAnnotator(config(server), cache)) {
                AnnotationPhase.Result r = phase.run(llm, log);
                assertThat(r.stopped()).isFalse();
                assertThat(r.sentences()).isEqualTo(total - firstDone);
                assertThat(server.requestCount()).isEqualTo(unanswered);
                assertThat(llm.stats().hallucinations()).isEqualTo(total - firstDone);
            }
            assertThat(Queries.count(c, "SELECT count(DISTINCT (card_id, sentence)) FROM annotated_sentences"))
                    .isEqualTo(total);
            assertThat(Queries.count(c, "SELECT count(*) FROM annotations WHERE category = 'first word'"))
                    .isEqualTo(total);
            assertThat(Queries.count(c, "SELECT count(*) FROM llm_cache"))
                    .isEqualTo(Queries.count(c, "SELECT count(DISTINCT sha256(text)) FROM sentences"));
            // A third run has nothing left to do and sends nothing.
            try (LlmAnnotator llm = new LlmAnnotator(config(server), cache)) {
                assertThat(phase.run(llm, log).sentences()).isZero();
            }
            assertThat(server.requestCount()).isEqualTo(unanswered);
        }
    }

    @Test
    void bothAnnotatorsAndTheirAgreement() throws Exception {
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("trainer")).build().open(null);
             FakeChatServer server = FirstWordLabeller.server(n -> false)) {
            StoreLlmCache cache = new StoreLlmCache(c);
            AnnotationPhase phase = new AnnotationPhase(c, 256);
            phase.ensureSentences();
            phase.run(new RuleAnnotator(phase.knownNames()), log);
            try (LlmAnnotator llm = new LlmAnnotator(config(server), cache)) {
                phase.run(llm, log);
            }
            Agreement agreement = phase.agreement("rules", "llm:fake", new ConceptNormaliser());
            assertThat(agreement.firstTotal()).isPositive();
            assertThat(agreement.secondTotal()).isPositive();
            // The fake LLM labels BERT when present, as the rules do.
            assertThat(agreement.firstMatched()).isPositive().isLessThan(agreement.firstTotal());
            assertThat(Queries.count(c, "SELECT count(*) FROM annotator_agreement")).isEqualTo(1);
            assertThat(new ConceptQueries(c).annotators()).containsKeys("rules", "llm:fake");
            assertThat(new ConceptQueries(c).summary(null, 5, true, "llm:fake").topCategories())
                    .extracting(ConceptCount::name).containsExactly("first word", "model");
        }
    }

    private static LlmConfig config(FakeChatServer server) {
        return LlmConfig.defaults(server.url(), "fake").withConcurrency(16).withRetries(0, Duration.ZERO)
                .withTimeout(Duration.ofSeconds(5));
    }
}
