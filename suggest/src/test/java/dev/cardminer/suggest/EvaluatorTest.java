package dev.cardminer.suggest;

import dev.cardminer.core.Vocabularies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorTest {

    private static final String TRAINER_BODY = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n"
            + "It achieves the following results on the evaluation set:\n- Loss: 0.5\n- Accuracy: 0.9012\n\n### Framework versions\n\n- Transformers 4.30.0\n";

    private Evaluator evaluator(List<String> fields) {
        Suggester s = Suggester.builder().fields(fields).build();
        return new Evaluator(s.extractors(), Vocabularies.bundled(), 0.8, Split.ALL);
    }

    @Test
    void hiddenValuesAreRecoveredAndCounted() {
        Evaluator e = evaluator(List.of("base_model", "datasets", "library_name", "model-index", "license"));
        e.add("me/a", "---\nbase_model: acme/base-1\ndatasets:\n- tiny_reviews\n- other/set\nlibrary_name: transformers\nlicense: mit\n"
                + "pipeline_tag: text-classification\nmodel-index:\n- name: a\n  results:\n  - task:\n      type: text-classification\n"
                + "    dataset:\n      type: tiny_reviews\n      name: tiny_reviews\n    metrics:\n    - type: accuracy\n      value: 0.90123456\n---\n"
                + TRAINER_BODY, null, null);
        EvalReport r = e.report();
        assertThat(r.cards()).isEqualTo(1);
        assertThat(r.fields().get("base_model")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(r.fields().get("datasets")).isEqualTo(new FieldScore(2, 1, 1));
        assertThat(r.fields().get("library_name")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(r.fields().get("model-index")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(r.fields().get("model-index@trainer")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(r.fields().get("license")).isEqualTo(new FieldScore(1, 0, 0));
        assertThat(r.fields().get("datasets").precision()).isEqualTo(1.0);
        assertThat(r.fields().get("datasets").recall()).isEqualTo(0.5);
    }

    @Test
    void wrongValuesCountAgainstPrecisionAndInvalidTruthIsLeftOut() {
        Evaluator e = evaluator(List.of("base_model", "license"));
        e.add("me/b", "---\nbase_model: acme/other\nlicense: not-a-licence\n---\n" + TRAINER_BODY + "Released under the MIT license.\n", null, null);
        EvalReport r = e.report();
        assertThat(r.fields().get("base_model")).isEqualTo(new FieldScore(1, 1, 0));
        assertThat(r.fields().get("license")).isEqualTo(FieldScore.ZERO);
    }

    @Test
    void verifiedResultsOfTheHubsEvaluationServiceAreLeftOutOfTheSupport() {
        Evaluator e = evaluator(List.of("model-index"));
        e.add("me/v", "---\npipeline_tag: text-classification\nmodel-index:\n- name: v\n  results:\n  - task:\n      type: text-classification\n"
                + "    dataset:\n      type: tiny_reviews\n      name: tiny_reviews\n    metrics:\n    - type: accuracy\n      value: 0.9012\n"
                + "  - task:\n      type: text-classification\n    dataset:\n      type: tiny_reviews\n      name: tiny_reviews\n      split: validation\n"
                + "    metrics:\n    - type: precision\n      value: 0.85\n      verified: true\n---\n" + TRAINER_BODY, null, null);
        assertThat(e.report().fields().get("model-index")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(e.report().fields().get("model-index@trainer")).isEqualTo(new FieldScore(1, 1, 1));
    }

    @Test
    void modelIndexOutcomesShowTheScoredResultsAsTypeAndValue() {
        Evaluator e = evaluator(List.of("model-index"));
        List<Evaluator.Outcome> seen = new java.util.ArrayList<>();
        e.onOutcome(seen::add);
        e.add("me/w", "---\npipeline_tag: text-classification\nmodel-index:\n- name: w\n  results:\n  - task:\n      type: text-classification\n"
                + "    dataset:\n      type: tiny_reviews\n      name: tiny_reviews\n    metrics:\n    - type: Accuracy\n      value: 0.5\n---\n" + TRAINER_BODY, null, null);
        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.field()).isEqualTo("model-index");
            assertThat(o.truth()).containsExactly("accuracy=0.5");
            assertThat(o.predicted()).hasSize(1);   // the block's 0.9012, which the hidden YAML does not hold
        });
        assertThat(e.report().fields().get("model-index")).isEqualTo(new FieldScore(1, 1, 0));
    }

    @Test
    void repoFactsScoreCardsWhoseYamlLacksTheField() {
        Evaluator e = evaluator(List.of("library_name", "pipeline_tag"));
        e.add("me/c", TRAINER_BODY, "text-classification", "transformers");
        EvalReport r = e.report();
        assertThat(r.fields().get("library_name@hub")).isEqualTo(new FieldScore(1, 1, 1));
        assertThat(r.fields().get("pipeline_tag@hub")).isEqualTo(new FieldScore(1, 0, 0));
        assertThat(r.fields().get("library_name")).isEqualTo(FieldScore.ZERO);
    }

    @Test
    void hubFactsOutsideTheVocabularyAreLeftOutAndOutcomesAreReported() {
        Evaluator e = evaluator(List.of("library_name", "pipeline_tag"));
        List<Evaluator.Outcome> seen = new java.util.ArrayList<>();
        e.onOutcome(seen::add);
        e.add("me/c", TRAINER_BODY, "conversational", "no-such-library");   // the Hub's 2023 task, gone from today's list
        e.add("me/d", TRAINER_BODY, "text-classification", null);
        EvalReport r = e.report();
        assertThat(r.fields().get("pipeline_tag@hub")).isEqualTo(new FieldScore(1, 0, 0));
        assertThat(r.fields().get("library_name@hub")).isEqualTo(FieldScore.ZERO);
        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.field()).isEqualTo("pipeline_tag@hub");
            assertThat(o.truth()).containsExactly("text-classification");
            assertThat(o.card().id()).isEqualTo("me/d");
        });
    }

    @Test
    void splitIsFixedByTheId() {
        assertThat(Split.of("acme/base-1")).isEqualTo(Split.of("acme/base-1"));
        long heldOut = java.util.stream.IntStream.range(0, 10_000).filter(i -> Split.of("org/m" + i) == Split.HELD_OUT).count();
        assertThat(heldOut).isBetween(2_700L, 3_300L);
        Evaluator dev = new Evaluator(List.of(), Vocabularies.bundled(), 0.8, Split.DEV);
        java.util.stream.IntStream.range(0, 100).forEach(i -> dev.add("org/m" + i, "text", null, null));
        assertThat(dev.report().cards()).isEqualTo(java.util.stream.IntStream.range(0, 100)
                .filter(i -> Split.of("org/m" + i) == Split.DEV).count());
    }
}
