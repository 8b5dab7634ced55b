package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.store.Queries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code both}: the rules in one pass with ingestion, the LLM in its own resumable phase over the sentences
 * the pass stored, and their agreement measured on the sentences both handled.
 */
class OnePassWithLlmTest {

    @TempDir
    Path dir;

    @Test
    void theLlmPhaseAnnotatesTheSentencesTheOnePassStored() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("org__a.md"), "---\nlicense: mit\ndatasets:\n- squad_v2\n---\n# A\n\n"
                + "We fine-tuned bert-base-uncased on squad_v2 with a learning rate of 2e-5.\n\n"
                + "It reaches 88.5 F1 on the dev set.\n", StandardCharsets.UTF_8);
        Files.writeString(cards.resolve("org__b.md"), "# B\n\nA distilled version of org/a, trained for 3 epochs.\n",
                StandardCharsets.UTF_8);
        Path db = dir.resolve("x.duckdb");
        try (FakeChatServer server = FirstWordLabeller.server(n -> false);
             CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none());
             CardStore store = CardStore.open(db)) {
            new Analyzer(Analyzer.Config.builder(db).annotators(ConceptAnnotation.Annotators.BOTH).build())
                    .run(source, store);
            Connection c = store.connection();
            long sentences = Queries.count(c, "SELECT count(*) FROM sentences");
            assertThat(sentences).isPositive();
            assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences WHERE annotator = '"
                    + RuleAnnotator.NAME + "'")).isEqualTo(sentences);
            // org/a is a model of the corpus: known only once both cards were in, so the revision labelled it.
            assertThat(Queries.count(c, "SELECT count(*) FROM annotations WHERE subject = 'org/a' "
                    + "AND description = 'a model id of the corpus'")).isEqualTo(1);

            LlmConfig llm = LlmConfig.defaults(server.url(), "fake").withConcurrency(4)
                    .withRetries(0, Duration.ZERO).withTimeout(Duration.ofSeconds(5));
            ConceptAnnotation.Report report = new ConceptAnnotation(new ConceptAnnotation.Settings(
                    ConceptAnnotation.Annotators.BOTH, llm, 100)).run(c, new PrintWriter(new StringWriter()));

            assertThat(report.sentencesSplit()).isZero();
            assertThat(report.runs()).extracting(AnnotationPhase.Result::sentences).containsExactly(0L, sentences);
            assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences WHERE annotator = 'llm:fake'"))
                    .isEqualTo(sentences);
            assertThat(report.agreement()).isNotNull();
            assertThat(report.remaining()).isZero();
        }
    }
}
