package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CardParserTest {

    private static final String CARD = """
            ---
            license: not-a-license
            model-index:
            - name: m
              results:
              - task: {type: text-classification}
                dataset: {type: imdb, name: IMDb}
                metrics: [{type: accuracy, value: 0.9}]
            ---
            # Model
            Fine-tuned from [gpt2](https://huggingface.co/gpt2), see arXiv:1706.03762.
            """;

    /** What a plugged-in extractor might find: a value of its own type. */
    record HeadingCount(int count) {
    }

    @Test
    void theDefaultBuilderReadsWhatModelCardParseReads() {
        ModelCard built = CardParser.builder().build().parse("m", CARD);
        ModelCard convenience = ModelCard.parse("m", CARD);
        assertThat(built).isEqualTo(convenience);
        assertThat(built.evalResults()).hasSize(1);
        assertThat(built.links()).extracting(Link::target).contains("gpt2", "1706.03762");
        assertThat(built.problems()).extracting(Problem::code).contains(ProblemCodes.UNKNOWN_LICENSE);
    }

    @Test
    void anAddedExtractorSeesTheCardAndAddsItsFindings() {
        CardParser parser = CardParser.builder()
                .extractor((card, out) -> {
                    out.extension(new HeadingCount(card.sections().size()));
                    if (card.metadata().license().isPresent()) {
                        out.problem(card.problemAt(Problem.Severity.INFO, "my-check", "seen", "license"));
                    }
                })
                .build();
        ModelCard card = parser.parse("m", CARD);
        assertThat(card.extension(HeadingCount.class)).contains(new HeadingCount(1));
        assertThat(card.extension(String.class)).isEmpty();
        Problem mine = card.problems().get(card.problems().size() - 1);
        assertThat(mine.code()).isEqualTo("my-check");
        assertThat(mine.line()).isEqualTo(2);
        assertThat(mine.path()).isEqualTo("license");
    }

    @Test
    void extractorsRunInTheOrderAdded() {
        StringBuilder order = new StringBuilder();
        CardParser parser = CardParser.builder()
                .extractor((card, out) -> order.append('a'))
                .extractors(List.of((card, out) -> order.append('b'), (card, out) -> order.append('c')))
                .build();
        parser.parse("m", CARD);
        assertThat(order).hasToString("abc");
    }

    @Test
    void aFailingExtractorBecomesAProblemAndTheCardIsKept() {
        CardParser parser = CardParser.builder()
                .extractor((card, out) -> {
                    throw new IllegalStateException("boom");
                })
                .build();
        ModelCard card = parser.parse("m", CARD);
        assertThat(card.sections()).hasSize(1);
        assertThat(card.problems()).filteredOn(p -> p.code().equals(ProblemCodes.EXTRACTOR_FAILED))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("boom"));
    }

    @Test
    void anExtractorOverflowingTheStackBecomesAProblemToo() {
        CardParser parser = CardParser.builder().extractor((card, out) -> recurse(card.id().length())).build();
        ModelCard card = parser.parse("m", CARD);
        assertThat(card.sections()).hasSize(1);
        assertThat(card.problems()).filteredOn(p -> p.code().equals(ProblemCodes.EXTRACTOR_FAILED))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("StackOverflowError"));
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void builtInsCanBeTurnedOff() {
        ModelCard card = CardParser.builder()
                .disable(CardParser.BuiltIn.METADATA_VALIDATION, CardParser.BuiltIn.LINKS, CardParser.BuiltIn.SECTIONS)
                .build().parse("m", CARD);
        assertThat(card.metadata().license()).contains("not-a-license");
        assertThat(card.evalResults()).hasSize(1);
        assertThat(card.links()).isEmpty();
        assertThat(card.sections()).isEmpty();
        assertThat(card.problems()).extracting(Problem::code).doesNotContain(ProblemCodes.UNKNOWN_LICENSE);

        ModelCard noIndex = CardParser.builder().disable(CardParser.BuiltIn.MODEL_INDEX).build().parse("m", CARD);
        assertThat(noIndex.evalResults()).isEmpty();
        assertThat(noIndex.links()).isNotEmpty();
    }

    @Test
    void theVocabulariesAreThoseGiven() {
        Vocabularies own = new Vocabularies(Set.of("not-a-license"), Set.of(), Set.of(), Set.of());
        ModelCard card = CardParser.builder().vocabularies(own).build().parse("m", CARD);
        assertThat(card.problems()).extracting(Problem::code).doesNotContain(ProblemCodes.UNKNOWN_LICENSE);
    }

    @Test
    void everyCodeReportedOnTheCorpusIsAProblemCodesConstant() throws IOException {
        CardParser parser = CardParser.builder().build();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SharedData.corpusCards()).filter(Files::isRegularFile)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                parser.parse(f.getFileName().toString(), Files.readAllBytes(f)).problems()
                        .forEach(p -> seen.add(p.code()));
            }
        }
        assertThat(seen).isNotEmpty();
        assertThat(ProblemCodes.all()).containsAll(seen);
    }
}
