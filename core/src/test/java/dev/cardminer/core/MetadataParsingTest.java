package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The metadata side of {@link ModelCard#parse}: YAML 1.2 values, key checks and model-index. */
class MetadataParsingTest {

    private static final Path CARDS = SharedData.corpusCards();

    private static List<Problem> problems(ModelCard card, String code) {
        return card.problems().stream().filter(p -> p.code().equals(code)).toList();
    }

    @Test
    void everyCorpusCardParsesWithProblemsAsValues() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CARDS)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSize(499);
        int withMetadata = 0;
        for (Path f : files) {
            ModelCard card = ModelCard.parse(f.getFileName().toString(), Files.readAllBytes(f));
            withMetadata += card.hasMetadata() ? 1 : 0;
            for (Problem p : card.problems()) {
                assertThat(p.line()).as(f + ": " + p).isBetween(0, (int) card.text().lines().count() + 1);
            }
        }
        assertThat(withMetadata).isEqualTo(483); // MANIFEST.tsv: 483 with YAML
    }

    @Test
    void yaml12ValuesAndTheNorwayProblem() {
        ModelCard card = ModelCard.parse("""
                ---
                language:
                - en
                - no
                version: 1.10
                count: 0755
                ratio: 1e-5
                released: 2023-01-01
                enabled: yes
                big: 123456789012345678901234567890
                1: one
                true: yes-key
                ~: null-key
                ---
                """);
        Metadata m = card.metadata();
        assertThat(m.language()).containsExactly("en", "no");
        assertThat(m.get("version")).isEqualTo(1.1);
        assertThat(m.get("count")).isEqualTo(755L);
        assertThat(m.get("ratio")).isEqualTo(1e-5);
        assertThat(m.get("released")).isEqualTo("2023-01-01");
        assertThat(m.get("enabled")).isEqualTo("yes");
        assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.keys()).contains("1", "true", "null");
        List<Problem> yaml11 = problems(card, "yaml11-scalar");
        assertThat(yaml11).extracting(Problem::path)
                .containsExactly("language[1]", "count", "ratio", "released", "enabled");
        assertThat(yaml11).extracting(Problem::line).containsExactly(4, 6, 7, 8, 9);
        assertThat(yaml11).allMatch(p -> p.severity() == Problem.Severity.INFO);
        assertThat(yaml11.get(0).message()).contains("language[1]", "false");
    }

    @Test
    void keysAreCheckedAgainstTypesAndVocabularies() {
        ModelCard card = ModelCard.parse("""
                ---
                language: [en, zh-CN, EN, xx-klingon]
                license: [mit]
                library_name: Transformers
                pipeline_tag: text-classifier
                datasets:
                - imdb
                - org/data
                - /home/me/data.csv
                - some prose dataset
                - https://example.org/data
                base_model: ./checkpoints/llama
                base_model_relation: distilled
                tags: [ok, 2022]
                inference: maybe
                co2_eq_emissions: {emissions: lots}
                extra_gated_fields: {Name: text, Pick: {type: select, options: [a, b]}, Bad: slider}
                extra_gated_eu_disallowed: 'no'
                widget: {text: hi}
                unknown_key: {anything: [1, 2]}
                ---
                """);
        assertThat(problems(card, "unknown-language")).extracting(Problem::path)
                .containsExactly("language[1]", "language[2]", "language[3]");
        assertThat(problems(card, "unknown-language").get(0).message()).contains("zh", "language_bcp47");
        assertThat(problems(card, "unknown-language").get(1).message()).contains("lower case");
        assertThat(problems(card, "unknown-library").get(0).message()).contains("did you mean 'transformers'");
        assertThat(problems(card, "unknown-pipeline-tag")).hasSize(1);
        assertThat(problems(card, "invalid-dataset-id")).extracting(Problem::path)
                .containsExactly("datasets[2]", "datasets[3]", "datasets[4]");
        assertThat(problems(card, "invalid-dataset-id")).extracting(Problem::line).containsExactly(9, 10, 11);
        assertThat(problems(card, "invalid-model-id").get(0).message()).contains("local path");
        assertThat(problems(card, "unknown-base-model-relation")).hasSize(1);
        assertThat(problems(card, "invalid-type")).extracting(Problem::path).containsExactly("license", "tags[1]",
                "inference", "co2_eq_emissions.emissions", "extra_gated_eu_disallowed", "widget");
        assertThat(problems(card, "invalid-gated-field")).extracting(Problem::path)
                .containsExactly("extra_gated_fields.Bad");
        assertThat(card.metadata().get("unknown_key")).isEqualTo(Map.of("anything", List.of(1L, 2L)));
        assertThat(metadataProblems(card)).allMatch(p -> p.line() > 1 && p.severity() == Problem.Severity.WARNING);
    }

    @Test
    void licenseOtherNeedsItsNameAndLink() {
        Problem p = problems(ModelCard.parse("---\nlicense: other\nlicense_link: LICENSE\n---\n"),
                "license-other-incomplete").get(0);
        assertThat(p.message()).contains("license_name").doesNotContain("license_link");
        assertThat(p.line()).isEqualTo(2);
        assertThat(metadataProblems(ModelCard.parse("---\nlicense: other\nlicense_name: x\nlicense_link: LICENSE\n---\n")
                )).isEmpty();
    }

    @Test
    void stringOrListKeysAreLists() {
        Metadata m = ModelCard.parse("---\nlanguage: fr\ndatasets: imdb\nbase_model: [a/b, c/d]\n---\n").metadata();
        assertThat(m.language()).containsExactly("fr");
        assertThat(m.datasets()).containsExactly("imdb");
        assertThat(m.baseModel()).containsExactly("a/b", "c/d");
        assertThat(m.tags()).isEmpty();
    }

    @Test
    void modelIndexIsFlattenedPerMetricLikeThePythonClient() {
        ModelCard card = ModelCard.parse("""
                ---
                model-index:
                - name: my-model
                  results:
                  - task: {type: text-classification, name: Text Classification}
                    dataset: {type: imdb, name: IMDB, config: plain_text, split: test, args: {lang: en}}
                    metrics:
                    - {type: accuracy, value: 0.93, name: Accuracy, verified: false}
                    - {type: f1, value: '91.2 +/- 0.4'}
                    source: {name: Paper, url: 'https://example.org'}
                ---
                """);
        assertThat(metadataProblems(card)).isEmpty();
        assertThat(card.evalResults()).containsExactly(
                new EvalResult("my-model", "text-classification", "Text Classification", "imdb", "IMDB", "plain_text",
                        "test", null, Map.of("lang", "en"), "accuracy", 0.93, "Accuracy", null, null, false, null,
                        "Paper", "https://example.org"),
                new EvalResult("my-model", "text-classification", "Text Classification", "imdb", "IMDB", "plain_text",
                        "test", null, Map.of("lang", "en"), "f1", "91.2 +/- 0.4", null, null, null, null, null,
                        "Paper", "https://example.org"));
    }

    @Test
    void incompleteModelIndexEntriesAreKeptAndReported() {
        ModelCard card = ModelCard.parse("""
                ---
                model-index:
                - name: m
                  results:
                  - task: {type: image-classification}
                    metrics:
                    - type: accuracy
                      value: 0.9
                    - value: 0.5
                  - task: {type: t}
                    dataset: {type: d, name: D, config: 2022}
                    metrics: [{type: acc}]
                ---
                """);
        assertThat(card.evalResults()).hasSize(3);
        assertThat(card.evalResults().get(0).datasetType()).isNull();
        assertThat(card.evalResults().get(0).isComplete()).isFalse();
        assertThat(card.evalResults().get(1).metricType()).isNull();
        assertThat(card.evalResults().get(2).datasetConfig()).isEqualTo("2022");
        List<Problem> missing = problems(card, "model-index-missing-field");
        assertThat(missing).extracting(Problem::path).containsExactly("model-index[0].results[0]",
                "model-index[0].results[0].metrics[1]", "model-index[0].results[1].metrics[0]");
        assertThat(missing).extracting(Problem::line).containsExactly(5, 9, 12);
        assertThat(missing.get(0).message()).contains("dataset", "drops the whole model-index");
        Problem config = problems(card, "model-index-type").get(0);
        assertThat(config.path()).isEqualTo("model-index[0].results[1].dataset.config");
        assertThat(config.line()).isEqualTo(11);
    }

    @Test
    void aModelIndexOfTheWrongShapeIsReportedNotThrown() {
        ModelCard card = ModelCard.parse("---\nmodel-index: {name: m}\n---\n");
        assertThat(card.evalResults()).isEmpty();
        assertThat(problems(card, "model-index-invalid")).hasSize(1);
        ModelCard items = ModelCard.parse("---\nmodel-index: [3, {name: m, results: [x]}]\n---\n");
        assertThat(problems(items, "model-index-invalid")).extracting(Problem::path)
                .containsExactly("model-index[0]", "model-index[1].results[0]");
    }

    /** The problems of the metadata side: block-only test cards also get the body's empty-body note. */
    private static List<Problem> metadataProblems(ModelCard card) {
        return card.problems().stream().filter(p -> !p.code().equals("empty-body")).toList();
    }
}
