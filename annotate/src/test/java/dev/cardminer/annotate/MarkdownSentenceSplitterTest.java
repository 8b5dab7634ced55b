package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import dev.cardminer.core.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownSentenceSplitterTest {

    private final SentenceSplitter splitter = SentenceSplitter.markdown();

    private List<Sentence> split(String card) {
        return splitter.split(ModelCard.parse("org/m", card));
    }

    private static List<String> texts(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).toList();
    }

    @Test
    void skipsMetadataCodeAndHtmlAndKeepsLinkTextNotUrls() {
        String card = """
                ---
                license: mit
                tags: [secret-yaml-text]
                ---
                <!-- This model card has been generated automatically. -->

                # My model

                This model is a fine-tuned version of [bert-base-uncased](https://huggingface.co/bert-base-uncased) on IMDb. \
                It reaches 93% accuracy, e.g. on the test split.

                ```python
                from transformers import pipeline
                print("Not a sentence.")
                ```

                    indented code. Also not prose.

                <div align="center">Some HTML text.</div>

                See https://example.org/page.html for more.
                """;
        List<Sentence> sentences = split(card);
        assertThat(texts(sentences)).containsExactly(
                "My model",
                "This model is a fine-tuned version of bert-base-uncased on IMDb.",
                "It reaches 93% accuracy, e.g. on the test split.",
                "See for more.");
        assertThat(String.join(" ", texts(sentences))).doesNotContain("secret-yaml-text", "huggingface.co",
                "pipeline", "HTML", "indented");
    }

    @Test
    void offsetsPointIntoTheBodyAndIndexesCount() {
        String card = "---\nlicense: mit\n---\n# Title\n\nFirst sentence here. Second one follows.\n";
        ModelCard parsed = ModelCard.parse("m", card);
        List<Sentence> sentences = splitter.split(parsed);
        assertThat(sentences).extracting(Sentence::index).containsExactly(0, 1, 2);
        for (Sentence s : sentences) {
            assertThat(parsed.body().substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.cardId()).isEqualTo("m");
        }
    }

    @Test
    void abbreviationsNumbersAndVersionsDoNotEndSentences() {
        List<String> texts = texts(split("""
                We use models (e.g. BERT, i.e. a Transformer) trained by Devlin et al. in 2019. Version v1.0 scored 0.93 F1. \
                Dr. Smith trained it for approx. 3 epochs.
                """));
        assertThat(texts).containsExactly(
                "We use models (e.g. BERT, i.e. a Transformer) trained by Devlin et al. in 2019.",
                "Version v1.0 scored 0.93 F1.",
                "Dr. Smith trained it for approx. 3 epochs.");
    }

    @Test
    void tableRowsAreUnitsAndNumberOnlyRowsAreSkipped() {
        List<String> texts = texts(split("""
                | Training Loss | Epoch | Validation Loss | Accuracy |
                |:-------------:|:-----:|:---------------:|:--------:|
                | 0.2345        | 1.0   | 0.1999          | 0.9312   |
                | [link text](https://x.y) | **bold** | `code` | plain |
                """));
        assertThat(texts).containsExactly("Training Loss | Epoch | Validation Loss | Accuracy",
                "link text | bold | code | plain");
    }

    @Test
    void listItemsAreUnitsWithTheirHeadingAndCanonicalSection() {
        List<Sentence> sentences = split("""
                ## Training procedure

                ### Training hyperparameters

                The following hyperparameters were used during training:
                - learning_rate: 2e-05
                - train_batch_size: 16

                ## Evaluation

                Results are good.
                """);
        assertThat(texts(sentences)).contains("learning_rate: 2e-05", "train_batch_size: 16");
        Sentence lr = sentences.stream().filter(s -> s.text().startsWith("learning_rate")).findFirst().orElseThrow();
        assertThat(lr.heading()).isEqualTo("Training hyperparameters");
        assertThat(lr.section()).isEqualTo("Training Hyperparameters");
        Sentence results = sentences.getLast();
        assertThat(results.section()).isEqualTo("Evaluation");
        assertThat(results.heading()).isEqualTo("Evaluation");
    }

    @Test
    void everyCorpusCardSplitsWithSaneOffsets() throws IOException {
        Path cards = SharedData.corpusCards();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cards)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        long total = 0;
        for (Path f : files) {
            ModelCard card = ModelCard.parse(f.getFileName().toString(), Files.readAllBytes(f));
            List<Sentence> sentences = splitter.split(card);
            for (Sentence s : sentences) {
                assertThat(s.start()).isBetween(0, card.body().length());
                assertThat(s.end()).isBetween(s.start(), card.body().length());
                assertThat(s.text()).isNotBlank().doesNotContain("\n");
                if (card.hasMetadata()) {
                    assertThat(s.text()).doesNotStartWith("model-index:");
                }
            }
            total += sentences.size();
        }
        assertThat(total).isGreaterThan(10 * files.size());
    }
}
