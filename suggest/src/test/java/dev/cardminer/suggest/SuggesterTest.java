package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggesterTest {

    private static final String BODY = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n"
            + "The weights are released under the Apache 2.0 license.\n";

    @Test
    void absentFieldsAreSuggestedPresentOnesNeverOverwritten() {
        ModelCard card = ModelCard.parse("me/m", "---\nlicense: mit\ndatasets:\n- tiny_reviews\n---\n" + BODY);
        CardSuggestions found = Suggester.builder().build().suggest(card);
        assertThat(found.suggestions()).extracting(Suggestion::field).contains("base_model").doesNotContain("license", "datasets");
        assertThat(found.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("license");
            assertThat(c.yamlValue()).isEqualTo("mit");
            assertThat(c.suggestion().value()).isEqualTo("apache-2.0");
        });
    }

    @Test
    void aKeyWrittenInABlockThatCannotBeReadIsNeitherFilledNorContradicted() {
        // A tab in the indentation: the parser reads no metadata, yet the author wrote a licence and datasets.
        ModelCard card = ModelCard.parse("me/m", "---\nlicense: mit\ndatasets:\n\t- tiny_reviews\n---\n" + BODY);
        assertThat(card.metadata().isEmpty()).isTrue();
        CardSuggestions found = Suggester.builder().build().suggest(card);
        assertThat(found.suggestions()).extracting(Suggestion::field).contains("base_model")
                .doesNotContain("license", "datasets");
        assertThat(found.conflicts()).isEmpty();
        // the same block read: the licence is a conflict as usual
        ModelCard read = ModelCard.parse("me/m", "---\nlicense: mit\n---\n" + BODY);
        assertThat(Suggester.builder().build().suggest(read).conflicts()).extracting(Conflict::field)
                .contains("license");
    }

    @Test
    void anImpliedValueThatDiffersFromTheYamlIsNoConflict() {
        // The base model's licence (apache-2.0) is implied; the YAML's own licence stands, unchallenged.
        String body = "# ft\n\nThis model is a fine-tuned version of "
                + "[bert-base-uncased](https://huggingface.co/bert-base-uncased) on an unknown dataset.\n";
        ModelCard yamlMit = ModelCard.parse("me/ft", "---\nlicense: mit\n---\n" + body);
        assertThat(Suggester.builder().fields(List.of("license")).build().suggest(yamlMit).conflicts()).isEmpty();
        ModelCard none = ModelCard.parse("me/ft", body);
        assertThat(Suggester.builder().fields(List.of("license")).build().suggest(none).suggestions())
                .singleElement().satisfies(s -> assertThat(Inferences.inferred(s)).isTrue());
    }

    @Test
    void aRelationReadFromTheSentenceThatNamesAnotherBaseIsNotAdded() {
        String adapter = "# Adapter\n\nThis LoRA adapter is a fine-tuned version of "
                + "[other/base-b](https://huggingface.co/other/base-b) on news.\n";
        ModelCard otherBase = ModelCard.parse("me/a", "---\nbase_model: acme/base-a\nlibrary_name: peft\n---\n" + adapter);
        CardSuggestions found = Suggester.builder().build().suggest(otherBase);
        assertThat(found.conflicts()).extracting(Conflict::field).containsExactly("base_model");
        assertThat(found.suggestions()).extracting(Suggestion::field).doesNotContain("base_model_relation");
        // the same sentence with the YAML's own base: the relation is the author's base's, and is suggested
        ModelCard sameBase = ModelCard.parse("me/a", "---\nbase_model: other/base-b\nlibrary_name: peft\n---\n" + adapter);
        assertThat(Suggester.builder().build().suggest(sameBase).suggestions()).extracting(Suggestion::field, Suggestion::value)
                .contains(org.assertj.core.groups.Tuple.tuple("base_model_relation", "adapter"));
    }

    @Test
    void aRelationIsSuggestedOnlyWithABaseModel() {
        String adapter = "# Adapter\n\nThis LoRA adapter is a fine-tuned version of "
                + "[other/base-b](https://huggingface.co/other/base-b) on news.\n";
        Suggester relationOnly = Suggester.builder().fields(List.of("base_model_relation")).build();
        // no base_model in the YAML, none suggested in this run: no relation
        assertThat(relationOnly.suggest(ModelCard.parse("me/a", "---\nlibrary_name: peft\n---\n" + adapter)).suggestions()).isEmpty();
        assertThat(relationOnly.suggest(ModelCard.parse("me/a", "---\nbase_model: []\nlibrary_name: peft\n---\n" + adapter)).suggestions()).isEmpty();
        // a base_model in the YAML, or suggested in the same run: the relation goes with it
        assertThat(relationOnly.suggest(ModelCard.parse("me/a", "---\nbase_model: other/base-b\nlibrary_name: peft\n---\n" + adapter)).suggestions())
                .extracting(Suggestion::field, Suggestion::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("base_model_relation", "adapter"));
        assertThat(Suggester.builder().fields(List.of("base_model", "base_model_relation")).build()
                .suggest(ModelCard.parse("me/a", "---\nlibrary_name: peft\n---\n" + adapter)).suggestions())
                .extracting(Suggestion::field).containsExactly("base_model", "base_model_relation");
    }

    @Test
    void aFieldWrittenUnderAMisspeltKeyGetsNoSecondKey() {
        ModelCard card = ModelCard.parse("me/m", "---\nlicence: mit\n---\n" + BODY);
        CardSuggestions found = Suggester.builder().build().suggest(card);
        assertThat(found.suggestions()).extracting(Suggestion::field).contains("base_model").doesNotContain("license");
        assertThat(found.conflicts()).isEmpty();
        ModelCard right = ModelCard.parse("me/m", "---\ntags: [x]\n---\n" + BODY);
        assertThat(Suggester.builder().build().suggest(right).suggestions()).extracting(Suggestion::field).contains("license");
    }

    @Test
    void agreementIsNeitherSuggestionNorConflict() {
        ModelCard card = ModelCard.parse("me/m", "---\nbase_model: ACME/base-1\n---\n" + BODY);
        CardSuggestions found = Suggester.builder().fields(List.of("base_model")).build().suggest(card);
        assertThat(found.isEmpty()).isTrue();
    }

    @Test
    void fieldsAndMinimumConfidence() {
        ModelCard card = ModelCard.parse("me/m", BODY);
        assertThat(Suggester.builder().fields(List.of("license")).build().suggest(card).suggestions())
                .extracting(Suggestion::field).containsOnly("license");
        assertThat(Suggester.builder().minConfidence(0.99).build().suggest(card).suggestions()).isEmpty();
        assertThatThrownBy(() -> Suggester.builder().fields(List.of("colour")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void customLicenceTrioIsSuggestedAndPatchedTogetherOnlyWhenTheLicenceIsAbsent() {
        String body = "# m\n\nThe weights are released under the [Acme Model License](https://acme.example/LICENSE).\n";
        ModelCard card = ModelCard.parse("me/m", "---\ntags:\n- x\n---\n" + body);
        CardSuggestions found = Suggester.builder().fields(List.of("license")).build().suggest(card);
        assertThat(found.suggestions()).extracting(Suggestion::field).containsExactly("license", "license_name", "license_link");
        Patch patch = new CardPatcher().patch(card, found.suggestions());
        assertThat(patch.ok()).isTrue();
        ModelCard patched = ModelCard.parse("me/m", patch.patched());
        assertThat(patched.metadata().get("license")).isEqualTo("other");
        assertThat(patched.metadata().get("license_name")).isEqualTo("acme-model-license");
        assertThat(patched.metadata().get("license_link")).isEqualTo("https://acme.example/LICENSE");
        assertThat(patched.body()).isEqualTo(card.body());

        ModelCard licensed = ModelCard.parse("me/m", "---\nlicense: other\n---\n" + body);
        CardSuggestions none = Suggester.builder().fields(List.of("license")).build().suggest(licensed);
        assertThat(none.suggestions()).isEmpty();
        assertThat(none.conflicts()).isEmpty();
    }

    @Test
    void theBodyIsReadUpToTheParsersLimitAsAnalyzeReadsIt() {
        String filler = "Some words about the model, one line of many.\n".repeat(300 * 1024 / 46);   // past 256 KiB
        ModelCard late = ModelCard.parse("me/m", "# m\n\n" + filler + BODY);
        assertThat(late.problems()).extracting(dev.cardminer.core.Problem::code).contains("body-too-large");
        assertThat(Suggester.builder().fields(List.of("base_model", "license")).build().suggest(late).suggestions()).isEmpty();
        ModelCard early = ModelCard.parse("me/m", BODY + "\n" + filler);
        assertThat(Suggester.builder().fields(List.of("base_model", "license")).build().suggest(early).suggestions())
                .extracting(Suggestion::value).containsExactly("acme/base-1", "apache-2.0");
    }

    @Test
    void evidenceLinesAreTheParsersForEveryLineEnd() {
        // Old Mac files end lines with a lone CR: the evidence gets the line and text the parser's line count gives.
        String lf = "---\ntags:\n- text-classification\n---\n# m\n\nIntro.\n\n"
                + "This model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n"
                + "\n```python\nfrom transformers import AutoModelForSequenceClassification\n```\n";
        List<Suggestion> expected = Suggester.builder().build().suggest(ModelCard.parse("me/m", lf)).suggestions();
        assertThat(expected).extracting(Suggestion::field).contains("base_model", "datasets", "library_name");
        assertThat(expected).filteredOn(s -> s.field().equals("base_model")).singleElement()
                .satisfies(s -> assertThat(s.evidence().line()).isEqualTo(9));
        for (String ending : List.of("\r", "\r\n")) {
            List<Suggestion> found = Suggester.builder().build().suggest(ModelCard.parse("me/m", lf.replace("\n", ending)))
                    .suggestions();
            assertThat(found).extracting(Suggestion::field).containsExactlyElementsOf(
                    expected.stream().map(Suggestion::field).toList());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(found.get(i).evidence().line()).as(ending + expected.get(i).field()).isEqualTo(expected.get(i).evidence().line());
                assertThat(found.get(i).evidence().column()).isEqualTo(expected.get(i).evidence().column());
                assertThat(found.get(i).evidence().text()).isEqualTo(expected.get(i).evidence().text());
            }
        }
    }
}
