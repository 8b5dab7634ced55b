package dev.cardminer.testkit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder's own behaviour; its rows are checked where a store is read, by the tests of io, report and web
 * (this module cannot see io's schema without a build cycle).
 */
class SyntheticStoreTest {

    static final String TEXT = """
            ---
            license: mit
            datasets: [org/data-a, org/data-b]
            base_model: org/base
            ---
            # A card

            Trained on org/data-a.
            """;

    @Test
    void cardTextIsParsedIntoBodyAndKnownNames() {
        SyntheticStore.Card card = SyntheticStore.card("org/m").text(TEXT).build();
        assertThat(card.hasMetadata()).isTrue();
        assertThat(card.body()).startsWith("# A card").doesNotContain("license");
        assertThat(card.metadata()).containsOnlyKeys("datasets", "base_model");
        assertThat(card.metadata().get("datasets")).containsExactly("org/data-a", "org/data-b");
        assertThat(card.metadata().get("base_model")).containsExactly("org/base");
        assertThat(SyntheticStore.card("bare").text("just text\n").build().hasMetadata()).isFalse();
    }

    @Test
    void jsonLinesCarryTheHubColumnsOfCardsWithText(@TempDir Path dir) throws Exception {
        SyntheticStore store = SyntheticStore.builder()
                .card(SyntheticStore.card("org/m").text(TEXT).downloads(50).likes(2)
                        .created(LocalDateTime.of(2023, 5, 2, 10, 0)).hubPipelineTag("text-generation").build())
                .card(SyntheticStore.card("fields/only").downloads(1).build())
                .build();
        List<String> lines = Files.readAllLines(store.writeJsonLines(dir.resolve("cards.jsonl")));
        assertThat(lines).hasSize(1);
        JsonNode row = new ObjectMapper().readTree(lines.get(0));
        assertThat(row.get("modelId").asText()).isEqualTo("org/m");
        assertThat(row.get("author").asText()).isEqualTo("org");
        assertThat(row.get("downloads").asLong()).isEqualTo(50);
        assertThat(row.get("likes").asLong()).isEqualTo(2);
        assertThat(row.get("createdAt").asText()).isEqualTo("2023-05-02T10:00:00Z");
        assertThat(row.get("pipeline_tag").asText()).isEqualTo("text-generation");
        assertThat(row.has("library_name")).isFalse();
        assertThat(row.get("card").asText()).isEqualTo(TEXT);
    }

    @Test
    void corpusCardsAreEveryCardOfTheKindInFileOrder() throws Exception {
        Path peft = SharedData.corpusCards().resolve("peft");
        List<String> files;
        try (Stream<Path> list = Files.list(peft)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
        SyntheticStore store = SyntheticStore.builder().corpusCards(List.of("peft")).build();
        assertThat(store.cards()).hasSize(files.size()).isNotEmpty();
        assertThat(store.cards().get(0).id()).isEqualTo(files.get(0).replaceFirst("\\.md$", "").replace("__", "/"));
        assertThat(store.cards()).allSatisfy(c -> assertThat(c.text()).isNotBlank());
    }
}
