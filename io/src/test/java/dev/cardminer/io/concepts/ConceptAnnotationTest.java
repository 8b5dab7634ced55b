package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.store.Queries;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptAnnotationTest {

    @Test
    void bothAnnotatorsRunOverTheStoreAndAgreementIsMeasured() throws Exception {
        StringWriter logText = new StringWriter();
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("trainer")).build().open(null);
             FakeChatServer server = FirstWordLabeller.server(n -> false)) {
            LlmConfig llm = LlmConfig.defaults(server.url(), "fake").withConcurrency(8)
                    .withRetries(0, Duration.ZERO).withTimeout(Duration.ofSeconds(5));
            ConceptAnnotation annotation = new ConceptAnnotation(
                    new ConceptAnnotation.Settings(ConceptAnnotation.Annotators.BOTH, llm, 256));
            ConceptAnnotation.Report report = annotation.run(c, new PrintWriter(logText));

            assertThat(report.sentencesSplit()).isPositive();
            assertThat(report.runs()).extracting(AnnotationPhase.Result::annotator)
                    .containsExactly(RuleAnnotator.NAME, "llm:fake");
            long distinct = Queries.count(c, "SELECT count(DISTINCT text) FROM sentences");
            assertThat(report.llm().requests()).isEqualTo(distinct);
            assertThat(server.requestCount()).isEqualTo((int) distinct);
            assertThat(report.agreement()).isNotNull();
            assertThat(Queries.count(c, "SELECT count(*) FROM annotator_agreement")).isEqualTo(1);
            assertThat(logText.toString()).contains("annotate: split", "annotate: agreement:");

            // Run again: nothing left to do, no request sent.
            ConceptAnnotation.Report again = annotation.run(c, new PrintWriter(new StringWriter()));
            assertThat(again.sentencesSplit()).isZero();
            assertThat(again.runs()).allMatch(r -> r.sentences() == 0);
            assertThat(server.requestCount()).isEqualTo((int) distinct);
        }
    }

    @Test
    void noneDoesNothingAndAnLlmNeedsItsSettings() throws Exception {
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("trainer")).build().open(null)) {
            ConceptAnnotation.Report report = new ConceptAnnotation(
                    new ConceptAnnotation.Settings(ConceptAnnotation.Annotators.NONE, null, 10))
                    .run(c, new PrintWriter(new StringWriter()));
            assertThat(report.runs()).isEmpty();
            assertThat(Queries.count(c, "SELECT count(*) FROM sentences")).isZero();
        }
        assertThatThrownBy(() -> new ConceptAnnotation.Settings(ConceptAnnotation.Annotators.LLM, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConceptAnnotation.Annotators.parse("both")).contains(ConceptAnnotation.Annotators.BOTH);
        assertThat(ConceptAnnotation.Annotators.parse("Rules")).isEmpty();
    }
}
