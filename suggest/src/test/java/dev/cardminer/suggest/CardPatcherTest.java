package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CardPatcherTest {

    private final CardPatcher patcher = new CardPatcher();

    private static Suggestion s(String field, Object value) {
        return new Suggestion(field, value, new Evidence("e", 1, 1, 0, 1), 0.9, "test");
    }

    @Test
    void addsKeysWithAMinimalDiffAndTheBodyUntouched() {
        String text = "---\n# a comment\nlicense: mit   # keep\ntags:\n- x\n---\n\n# Title\r\n\nBody with  spaces.\n";
        ModelCard card = ModelCard.parse("me/m", text);
        Patch patch = patcher.patch(card, List.of(s("base_model", "acme/base-1"), s("datasets", "a/one"), s("datasets", "b/two"),
                s("license", "apache-2.0")));
        assertThat(patch.ok()).isTrue();
        ModelCard patched = ModelCard.parse("me/m", patch.patched());
        assertThat(patched.body()).isEqualTo(card.body());
        assertThat(patched.metadata().baseModel()).containsExactly("acme/base-1");
        assertThat(patched.metadata().datasets()).containsExactly("a/one", "b/two");
        assertThat(patched.metadata().license()).contains("mit");
        assertThat(patch.patched()).startsWith("---\n# a comment\nlicense: mit   # keep\ntags:\n- x\n");
        assertThat(patch.applied()).extracting(Suggestion::field).containsExactly("base_model", "datasets", "datasets");
        assertThat(patch.diff()).startsWith("--- a/README.md\n+++ b/README.md\n@@ -3,6 +3,10 @@\n")
                .contains("+base_model: acme/base-1\n").doesNotContain("-license");
    }

    @Test
    void cardWithoutBlockGetsOne() {
        ModelCard card = ModelCard.parse("me/m", "# Title\n\nText.\n");
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.patched()).isEqualTo("---\npipeline_tag: text-classification\n---\n# Title\n\nText.\n");
    }

    @Test
    void modelIndexIsAssembledAndReadBack() {
        Map<String, Object> task = Map.of("type", "text-classification", "name", "Text Classification");
        Map<String, Object> dataset = Map.of("type", "tiny", "name", "tiny");
        ModelCard card = ModelCard.parse("me/m", "Text.\n");
        Patch patch = patcher.patch(card, List.of(
                s("model-index", Map.of("task", task, "dataset", dataset, "metric", Map.of("type", "accuracy", "value", 0.91, "name", "Accuracy"))),
                s("model-index", Map.of("task", task, "dataset", dataset, "metric", Map.of("type", "f1", "value", 0.88, "name", "F1"))),
                s("model-index", Map.of("dataset", dataset, "metric", Map.of("type", "recall", "value", 0.5, "name", "Recall")))));
        assertThat(patch.ok()).isTrue();
        ModelCard patched = ModelCard.parse("me/m", patch.patched());
        assertThat(patched.evalResults()).hasSize(2).allSatisfy(r -> assertThat(r.isComplete()).isTrue());
        assertThat(patched.evalResults().get(0).modelName()).isEqualTo("m");
        assertThat(patch.applied()).hasSize(2);
    }

    @Test
    void failuresAreValues() {
        ModelCard broken = ModelCard.parse("me/m", "---\nlicense: [mit\n---\nText.\n");
        Patch patch = patcher.patch(broken, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.failure()).contains("cannot be edited");
        assertThat(patcher.patch(ModelCard.parse("me/m", "---\nlicense: mit\n---\n"), List.of(s("license", "apache-2.0"))).failure())
                .isEqualTo("nothing to add");
    }

    @Test
    void aPatchThatBringsAProblemIsRefused() {
        ModelCard card = ModelCard.parse("me/m", "Text.\n");
        Patch patch = patcher.patch(card, List.of(s("license", "not-a-licence-id")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.newProblems()).isNotEmpty();
    }
}
