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
    void modelIndexKeysComeInAFixedOrderWhateverMapTheExtractorBuilt() {
        // type before name, as a run's Map.of may iterate: the patch must still read name, type
        Map<String, Object> task = new java.util.LinkedHashMap<>();
        task.put("type", "text-classification");
        task.put("name", "Text Classification");
        Map<String, Object> dataset = new java.util.LinkedHashMap<>();
        dataset.put("type", "tiny");
        dataset.put("name", "tiny");
        Map<String, Object> metric = new java.util.LinkedHashMap<>();
        metric.put("value", 0.91);
        metric.put("type", "accuracy");
        metric.put("name", "Accuracy");
        ModelCard card = ModelCard.parse("me/m", "Text.\n");
        Patch patch = patcher.patch(card, List.of(s("model-index", Map.of("task", task, "dataset", dataset, "metric", metric))));
        assertThat(patch.ok()).isTrue();
        String yaml = patch.patched();
        assertThat(yaml.indexOf("name: Text Classification")).isPositive().isLessThan(yaml.indexOf("type: text-classification"));
        assertThat(yaml.indexOf("name: tiny")).isPositive().isLessThan(yaml.indexOf("type: tiny"));
        assertThat(yaml.indexOf("name: Accuracy")).isPositive().isLessThan(yaml.indexOf("type: accuracy"));
        assertThat(yaml.indexOf("type: accuracy")).isLessThan(yaml.indexOf("value: 0.91"));
    }

    @Test
    void theResultsOfATrainerCardComeInCardOrderWhateverOrderTheSuggestionsCameIn() {
        String text = "---\npipeline_tag: text-classification\n---\n# m\n\nThis model is a fine-tuned version of "
                + "[a/b](https://huggingface.co/a/b) on the imdb dataset.\nIt achieves the following results on the evaluation set:\n"
                + "- Loss: 0.2\n- Accuracy: 0.93\n- F1: 0.92\n";
        Suggester suggester = Suggester.builder().fields(List.of("model-index")).build();
        ModelCard card = ModelCard.parse("me/m", text);
        List<Suggestion> found = suggester.suggest(card).suggestions();
        assertThat(found).hasSizeGreaterThan(1);
        List<Suggestion> reversed = new java.util.ArrayList<>(found);
        java.util.Collections.reverse(reversed);
        Patch first = patcher.patch(card, found);
        Patch second = patcher.patch(card, reversed);
        assertThat(first.ok()).isTrue();
        assertThat(second.patched()).isEqualTo(first.patched());
        assertThat(second.diff()).isEqualTo(first.diff());
        String yaml = first.patched();
        assertThat(yaml.indexOf("name: Text Classification")).isPositive().isLessThan(yaml.indexOf("type: text-classification"));
        assertThat(yaml.indexOf("Accuracy")).isLessThan(yaml.indexOf("F1"));
    }

    @Test
    void aBlockThatIsNeverClosedGetsNoPatchAndTheReasonCheckGives() {
        ModelCard card = ModelCard.parse("me/m", "---\nlicense: mit\n\n# Title\n\nText.\n");
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.patched()).isNull();
        assertThat(patch.failure()).startsWith("1:1: warning metadata-unclosed a metadata block opens here but no '---' line closes");
    }

    /** '---' right above '---' is a block left empty, not one never closed: the suggestions go between its lines. */
    @Test
    void aBlockLeftEmptyGetsTheSuggestionsBetweenItsLines() {
        ModelCard card = ModelCard.parse("me/m", "---\n---\n# Title\n\nText.\n");
        assertThat(card.problems()).extracting(dev.cardminer.core.Problem::code).doesNotContain("metadata-unclosed");
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).isEqualTo("---\npipeline_tag: text-classification\n---\n# Title\n\nText.\n");
    }

    @Test
    void aBlockBehindABomGetsNoPatchAndTheReasonCheckGives() {
        ModelCard card = ModelCard.parse("me/m", "\uFEFF---\nlicense: mit\n---\n# Title\n\nText.\n");
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.failure()).startsWith("1:1: warning bom-hides-metadata the file starts with a byte order mark");
    }

    /** A card that is not valid UTF-8: a patch written as UTF-8 would change bytes in lines its diff shows as kept. */
    @Test
    void aCardWithInvalidUtf8GetsNoPatchAndSaysWhere() {
        byte[] latin1 = "---\nlicense: mit\ndescription: caf\u00e9\n---\n# Title\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ModelCard card = ModelCard.parse("me/m", latin1);
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.patched()).isNull();
        assertThat(patch.failure()).startsWith("3:17: warning invalid-utf8 ").contains("save the file as UTF-8 first");
        byte[] utf8 = "---\nlicense: mit\ndescription: caf\u00e9\n---\n# Title\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(patcher.patch(ModelCard.parse("me/m", utf8), List.of(s("pipeline_tag", "text-classification"))).ok()).isTrue();
    }

    /** Without a block, a BOM would hide the new one from the Hub: it goes, and the rest of the body stays. */
    @Test
    void aCardWithABomAndNoBlockGetsABlockInPlaceOfTheBom() {
        ModelCard card = ModelCard.parse("me/m", "\uFEFF# Title\n\nText.\n");
        Patch patch = patcher.patch(card, List.of(s("pipeline_tag", "text-classification")));
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).isEqualTo("---\npipeline_tag: text-classification\n---\n# Title\n\nText.\n");
    }

    /** A block written as a flow mapping gets the new keys inside its braces: its own lines and comments stay. */
    @Test
    void aFlowMappingBlockGetsItsNewKeysInsideItsBraces() {
        String text = "---\n{license: mit,  # ours\n tags: [a]}\n---\n# Title\n";
        Patch patch = patcher.patch(ModelCard.parse("me/m", text), List.of(s("datasets", "imdb"), s("base_model", "acme/base-1")));
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).isEqualTo("---\n{license: mit,  # ours\n tags: [a], datasets: [imdb], base_model: acme/base-1}"
                + "\n---\n# Title\n");
    }

    @Test
    void yamlLinesBehindABomAreNoTextEvidence() {
        String yaml = "---\nlanguage:\n- de\nlicense: apache-2.0\nlibrary_name: sentence-transformers\ntags:\n"
                + "- text-classification\n- generated_from_trainer\ndatasets:\n- imdb\nbase_model: acme/hidden\n"
                + "pipeline_tag: text-classification\n---\n";
        String body = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) "
                + "on the imdb dataset.\n";
        ModelCard bom = ModelCard.parse("me/m", "\uFEFF" + yaml + body);
        assertThat(bom.problems()).extracting(dev.cardminer.core.Problem::code).contains("bom-hides-metadata");
        List<Suggestion> found = Suggester.builder().build().suggest(bom).suggestions();
        assertThat(found).isNotEmpty().allSatisfy(x -> assertThat(x.evidence().line()).as(x.toString()).isGreaterThan(13));
        assertThat(found).anySatisfy(x -> assertThat(x.value()).isEqualTo("acme/base-1"));
    }

    @Test
    void linesAPatchAddsEndTheWayTheCardsLinesDo() {
        Suggestion base = s("base_model", "acme/base-1");
        Suggestion datasets = s("datasets", "a/one");
        Suggestion datasets2 = s("datasets", "b/two");
        Map<String, Object> task = Map.of("type", "text-classification", "name", "Text Classification");
        Suggestion metric = s("model-index", Map.of("task", task, "dataset", Map.of("type", "tiny", "name", "tiny"),
                "metric", Map.of("type", "accuracy", "value", 0.91, "name", "Accuracy")));
        for (String text : List.of("---\r\nlicense: mit\r\n---\r\n# T\r\n\r\nText.\r\n", "# T\r\n\r\nText.\r\n",
                "---\r\nlicense: mit\r\ntags:\r\n- x\r\n  # c\r\n---\r\n# T\r\n\r\nText.\r\n",
                "---\r\nlicense: mit\r\n---\r\n\r\n# T\r\n\r\nText.\r\n")) {
            ModelCard card = ModelCard.parse("me/m", text);
            Patch patch = patcher.patch(card, List.of(base, datasets, datasets2, metric, s("pipeline_tag", "text-classification")));
            assertThat(patch.ok()).as(patch.failure()).isTrue();
            assertThat(patch.patched().replace("\r\n", "")).as(patch.patched()).doesNotContain("\n").doesNotContain("\r");
            assertThat(patch.patched()).contains("base_model: acme/base-1\r\n").endsWith("Text.\r\n");
            assertThat(ModelCard.parse("me/m", patch.patched()).body()).isEqualTo(card.body());
        }
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
        ModelCard tab = ModelCard.parse("me/m", "---\nlicense: mit\ntags:\n\t- a\n---\nText.\n");
        assertThat(patcher.patch(tab, List.of(s("pipeline_tag", "text-classification"))).failure())
                .startsWith("the metadata block cannot be edited: 4:1: error yaml-syntax invalid YAML: a tab");
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

    private static final String TRAINER = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) "
            + "on the imdb dataset.\nIt achieves the following results on the evaluation set:\n- Loss: 0.2\n- Accuracy: 0.93\n";

    @Test
    void keysWrittenWithoutAValueAreFilledInPlaceAndTheOtherLinesStay() {
        // Two plain English sentences besides the Trainer's lines: what prose-english asks before it proposes `en`.
        String body = TRAINER + "\nIt was trained for three epochs on one GPU.\n";
        String text = "---\nbase_model:\nlanguage: []\ndatasets: null\nlicense: mit  # ours\n---\n" + body;
        ModelCard card = ModelCard.parse("me/m", text);
        CardSuggestions found = Suggester.builder().fields(List.of("base_model", "datasets", "language")).build().suggest(card);
        assertThat(found.conflicts()).isEmpty();
        Patch patch = patcher.patch(card, found.suggestions());
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.leftOut()).isEmpty();
        assertThat(patch.applied()).extracting(Suggestion::field).containsExactlyInAnyOrder("base_model", "datasets", "language");
        // the empty flow list is filled where it stands, as a flow list
        assertThat(patch.patched()).isEqualTo("---\nbase_model: acme/base-1\nlanguage: [en]\ndatasets:\n- imdb\n"
                + "license: mit  # ours\n---\n" + body);
        ModelCard after = ModelCard.parse("me/m", patch.patched());
        assertThat(after.body()).isEqualTo(card.body());
        assertThat(after.metadata().baseModel()).containsExactly("acme/base-1");
        assertThat(after.metadata().datasets()).containsExactly("imdb");
    }

    @Test
    void aCardThatWritesItsListsInFlowStyleGetsItsNewListsSoAndItsLinesStay() {
        String text = "---\nlicense: mit\ntags: [\"text-classification\", 'no']\nmetrics: []\n---\n# M\n\nText.\n";
        ModelCard card = ModelCard.parse("me/m", text);
        Patch patch = patcher.patch(card, List.of(s("datasets", "a/one"), s("datasets", "b/two"), s("metrics", "f1"),
                s("base_model", "acme/base-1")));
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).isEqualTo("---\nlicense: mit\ntags: [\"text-classification\", 'no']\nmetrics: [f1]\n"
                + "datasets: [a/one, b/two]\nbase_model: acme/base-1\n---\n# M\n\nText.\n");
        assertThat(patch.diff()).contains("-metrics: []\n+metrics: [f1]\n").doesNotContain("-tags");
    }

    @Test
    void aModelIndexWithEmptyResultsIsNoConflictAndIsFilledUnderItsOwnName() {
        String text = "---\npipeline_tag: text-classification\nmodel-index:\n- name: my-model\n  results: []\n---\n" + TRAINER;
        ModelCard card = ModelCard.parse("me/m", text);
        CardSuggestions found = Suggester.builder().fields(List.of("model-index")).build().suggest(card);
        assertThat(found.conflicts()).isEmpty();
        assertThat(found.suggestions()).singleElement().extracting(Suggestion::field).isEqualTo("model-index");
        Patch patch = patcher.patch(card, found.suggestions());
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).startsWith("---\npipeline_tag: text-classification\nmodel-index:\n- name: my-model\n"
                + "  results:\n  - task:\n      name: Text Classification\n      type: text-classification\n    dataset:\n"
                + "      name: imdb\n      type: imdb\n    metrics:\n    - name: Accuracy\n      type: accuracy\n"
                + "      value: 0.93\n---\n");
        ModelCard after = ModelCard.parse("me/m", patch.patched());
        assertThat(after.evalResults()).singleElement().satisfies(r -> {
            assertThat(r.modelName()).isEqualTo("my-model");
            assertThat(r.isComplete()).isTrue();
        });
        // a model-index with results is a value: a different result is a conflict, never patched
        String held = text.replace("  results: []\n", "  results:\n  - task:\n      type: text-classification\n    dataset:\n"
                + "      name: imdb\n      type: imdb\n    metrics:\n    - type: accuracy\n      value: 0.5\n");
        assertThat(Suggester.builder().fields(List.of("model-index")).build().suggest(ModelCard.parse("me/m", held)).conflicts())
                .hasSize(1);
    }

    @Test
    void whatAPatchCannotWriteIsListedWithWhy() {
        Map<String, Object> dataset = Map.of("type", "tiny", "name", "tiny");
        Suggestion noTask = s("model-index", Map.of("dataset", dataset, "metric", Map.of("type", "recall", "value", 0.5)));
        Suggestion withTask = s("model-index", Map.of("task", Map.of("type", "text-classification"), "dataset", dataset,
                "metric", Map.of("type", "f1", "value", 0.8)));
        ModelCard card = ModelCard.parse("me/m", "---\nlicense: mit\n---\nText.\n");
        Patch patch = patcher.patch(card, List.of(noTask, withTask, s("pipeline_tag", "text-classification"),
                s("pipeline_tag", "token-classification"), s("license", "apache-2.0")));
        assertThat(patch.ok()).isTrue();
        assertThat(patch.applied()).containsExactly(withTask, s("pipeline_tag", "text-classification"));
        assertThat(patch.leftOut()).extracting(Patch.LeftOut::reason).containsExactlyInAnyOrder(
                "no task to file the result under (no pipeline_tag in the YAML, none found in the text)",
                "one value per key: text-classification (test) is written",
                "the YAML already has license");
        // no repo id (a card from standard input): no model name, so no model-index, and it says so
        Patch unnamed = patcher.patch(card, List.of(withTask), null);
        assertThat(unnamed.ok()).isFalse();
        assertThat(unnamed.failure()).isEqualTo("nothing to add");
        assertThat(unnamed.leftOut()).extracting(Patch.LeftOut::reason)
                .containsExactly("no model name for the model-index entry (the card has no repo id)");
        assertThat(patcher.patch(card, List.of(withTask), "named").patched()).contains("- name: named\n");
    }

    @Test
    void aKeyWrittenTwiceIsNeverFilledEvenWhenItsLastCopyIsEmpty() {
        String body = "# m\n\nThe weights are released under the Apache 2.0 license.\n";
        for (String yaml : List.of("license: mit\ntags: [a]\nlicense:\n", "language:\n  - de\nlanguage: []\n")) {
            String text = "---\n" + yaml + "---\n" + body;
            ModelCard card = ModelCard.parse("me/m", text);
            String key = yaml.substring(0, yaml.indexOf(':'));
            Patch patch = patcher.patch(card, List.of(s(key, key.equals("license") ? "apache-2.0" : "en")));
            assertThat(patch.patched()).as(yaml).isNull();
            assertThat(patch.leftOut()).extracting(Patch.LeftOut::reason).containsExactly("the YAML has " + key + " twice");
        }
        // nor does the suggester offer it as a value to fill: the author wrote one
        ModelCard twice = ModelCard.parse("me/m", "---\nlicense: mit\ntags: [a]\nlicense:\n---\n" + body);
        CardSuggestions found = Suggester.builder().fields(List.of("license")).build().suggest(twice);
        assertThat(found.suggestions()).isEmpty();
        assertThat(found.conflicts()).extracting(Conflict::field).containsExactly("license");
    }

    @Test
    void aFieldTheYamlWritesUnderAMisspeltKeyIsNotAddedBesideIt() {
        // the author's licence under 'License' (which the Hub ignores) differs from the text's: no second key for it
        String body = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1).\n";
        ModelCard card = ModelCard.parse("me/m", "---\nLicense: apache-2.0\nlicence_link: LICENSE\n---\n" + body);
        Patch patch = patcher.patch(card, List.of(s("license", "mit"), s("base_model", "acme/base-1")));
        assertThat(patch.ok()).isTrue();
        assertThat(patch.applied()).extracting(Suggestion::field).containsExactly("base_model");
        assertThat(patch.patched()).doesNotContain("license:").contains("License: apache-2.0\n");
        assertThat(patch.leftOut()).singleElement().satisfies(l -> {
            assertThat(l.suggestion().field()).isEqualTo("license");
            assertThat(l.reason()).isEqualTo("the YAML writes license as 'License', a key the Hub ignores: rename that key");
        });
        // the older Trainer's model_index is no obstacle to the model-index the Hub reads
        ModelCard trainer = ModelCard.parse("me/m", "---\nmodel_index:\n- name: m\n---\n" + body);
        Patch results = patcher.patch(trainer, List.of(s("model-index", Map.of("task", Map.of("type", "fill-mask"),
                "dataset", Map.of("type", "tiny", "name", "tiny"), "metric", Map.of("type", "accuracy", "value", 0.9)))));
        assertThat(results.leftOut()).isEmpty();
        assertThat(results.patched()).startsWith("---\nmodel_index:\n- name: m\nmodel-index:\n");
        // a key far from every Hub key is no obstacle
        ModelCard custom = ModelCard.parse("me/m", "---\nmodel_name: m\n---\n" + body);
        assertThat(patcher.patch(custom, List.of(s("license", "mit"))).applied()).hasSize(1);
    }

    @Test
    void aBlockWithADuplicateKeyGetsNoPatchForAnyKeyAndSaysWhich() {
        String body = "# m\n\nThis model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1).\n";
        ModelCard card = ModelCard.parse("me/m", "---\nlicense: mit\ntags: [a]\nlicense: apache-2.0\n---\n" + body);
        Patch patch = patcher.patch(card, List.of(s("base_model", "acme/base-1"), s("datasets", "acme/reviews")));
        assertThat(patch.ok()).isFalse();
        assertThat(patch.patched()).isNull();
        assertThat(patch.failure()).contains("'license' twice (line 4)").contains("remove one copy first");
        assertThat(patch.applied()).isEmpty();
        // nested duplicates too: the whole block is not YAML
        ModelCard nested = ModelCard.parse("me/m", "---\nwidget:\n- text: a\n  text: b\n---\n" + body);
        assertThat(patcher.patch(nested, List.of(s("base_model", "acme/base-1"))).failure()).contains("twice (line 4)");
    }

    @Test
    void anEmptyKeyWithACommentIsLeftAloneAndAnEmptyMappingIsEmpty() {
        for (String yaml : List.of("license:   # TODO pick one\n", "base_model: # meta-llama/the-one\n",
                "datasets:\n  # add them later\n")) {
            String key = yaml.substring(0, yaml.indexOf(':'));
            ModelCard card = ModelCard.parse("me/m", "---\n" + yaml + "tags: [a]\n---\nText.\n");
            Patch patch = patcher.patch(card, List.of(s(key, key.equals("license") ? "apache-2.0" : "acme/base-1")));
            assertThat(patch.patched()).as(yaml).isNull();
            assertThat(patch.leftOut()).extracting(Patch.LeftOut::reason)
                    .containsExactly("the YAML's empty " + key + " has a comment, which writing a value would drop");
        }
        // a '#' inside a value is no comment
        ModelCard quoted = ModelCard.parse("me/m", "---\nbase_model:\ntags: ['#a']\n---\nText.\n");
        assertThat(patcher.patch(quoted, List.of(s("base_model", "acme/base-1"))).ok()).isTrue();
        String text = "---\nbase_model: {}\ntags: [a]\n---\n" + TRAINER;
        ModelCard card = ModelCard.parse("me/m", text);
        CardSuggestions found = Suggester.builder().fields(List.of("base_model")).build().suggest(card);
        assertThat(found.conflicts()).isEmpty();
        assertThat(found.suggestions()).extracting(Suggestion::value).containsExactly("acme/base-1");
        Patch patch = patcher.patch(card, found.suggestions());
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).startsWith("---\nbase_model: acme/base-1\ntags: [a]\n---\n");
    }

    @Test
    void anEmptyModelIndexIsFilledOnlyWhereNoOtherLineOfItChanges() {
        Suggester suggester = Suggester.builder().fields(List.of("model-index")).build();
        String reason = "writing results into the YAML's model-index would change its other lines (a quote, a comment, "
                + "another entry): add them by hand";
        for (String index : List.of("- name: \"my-model\"   # the Trainer wrote this\n  results: []\n",
                "- name: my-model\n  results: []\n- name: other\n  results: []  # filled later\n",
                "- name: my-model\n  results: []   # none yet\n")) {
            String text = "---\npipeline_tag: text-classification\nmodel-index:\n" + index + "---\n" + TRAINER;
            ModelCard card = ModelCard.parse("me/m", text);
            Patch patch = patcher.patch(card, suggester.suggest(card).suggestions());
            assertThat(patch.patched()).as(index).isNull();
            assertThat(patch.leftOut()).extracting(Patch.LeftOut::reason).as(index).containsExactly(reason);
        }
        // the author's name stays whatever it is; only the results line is replaced
        String text = "---\npipeline_tag: text-classification\nmodel-index:\n- name: 42\n  results: []\n---\n" + TRAINER;
        ModelCard card = ModelCard.parse("me/m", text);
        Patch patch = patcher.patch(card, suggester.suggest(card).suggestions());
        assertThat(patch.ok()).as(patch.failure()).isTrue();
        assertThat(patch.patched()).startsWith("---\npipeline_tag: text-classification\nmodel-index:\n- name: 42\n"
                + "  results:\n  - task:\n");
        assertThat(patch.diff()).doesNotContain("-- name").doesNotContain("+- name");
    }

    @Test
    void behindABomTheBlockEndsWhereTheHubsRuleEndsItSoTheBodyIsStillRead() {
        // the closing line may have trailing blanks, and lone CRs end lines before it
        String body = TRAINER;
        for (String card : List.of("\uFEFF---\nlicense: mit\nbase_model: acme/hidden\n---  \n" + body,
                "\uFEFF---\rlicense: mit\rbase_model: acme/hidden\r---\t\n" + body)) {
            ModelCard bom = ModelCard.parse("me/m", card);
            assertThat(bom.problems()).extracting(dev.cardminer.core.Problem::code).contains("bom-hides-metadata");
            assertThat(Suggester.hiddenBlockEnd(bom)).isEqualTo(card.indexOf("# m"));
            List<Suggestion> found = Suggester.builder().fields(List.of("base_model")).build().suggest(bom).suggestions();
            assertThat(found).extracting(Suggestion::value).containsExactly("acme/base-1");
        }
    }

    @Test
    void yamlLinesOfABlockNeverClosedAreNoTextEvidence() {
        String card = "---\nlicense: mit\nlanguage:\n- de\nbase_model: acme/hidden\n\n" + TRAINER;
        ModelCard unclosed = ModelCard.parse("me/m", card);
        assertThat(unclosed.problems()).extracting(dev.cardminer.core.Problem::code).contains("metadata-unclosed");
        List<Suggestion> found = Suggester.builder().build().suggest(unclosed).suggestions();
        assertThat(found).isNotEmpty().allSatisfy(x -> assertThat(x.evidence().line()).as(x.toString()).isGreaterThan(6));
        assertThat(found).extracting(Suggestion::value).contains("acme/base-1").doesNotContain("mit", "de", "acme/hidden");
        assertThat(Suggester.hiddenBlockEnd(unclosed)).isEqualTo(card.indexOf("\n\n") + 1);
    }
}
