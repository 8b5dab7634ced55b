package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions read from a repo's files, each rule on small files written here. */
class RepoFilesSuggestionTest {

    private static final Suggester SUGGESTER = Suggester.builder().build();
    private static final ModelCard PLAIN = ModelCard.parse("me/model", "# model\n\nSome weights.\n");

    private static final String ADAPTER = """
            {
              "alpha_pattern": {},
              "base_model_name_or_path": "acme/Base-7B",
              "peft_type": "LORA",
              "r": 16,
              "task_type": "CAUSAL_LM"
            }
            """;

    private static RepoFiles files(Map<String, String> texts, String... otherPaths) {
        List<String> paths = new java.util.ArrayList<>(texts.keySet());
        paths.addAll(List.of(otherPaths));
        return new RepoFiles("a".repeat(40), paths, texts, Map.of());
    }

    private static Suggestion only(CardSuggestions found, String field) {
        List<Suggestion> of = found.suggestions().stream().filter(s -> s.field().equals(field)).toList();
        assertThat(of).as(field + " in " + found).hasSize(1);
        return of.get(0);
    }

    @Test
    void anAdapterConfigGivesTheBaseModelAdapterPeftAndItsTaskWithTheLineEachCameFrom() {
        CardSuggestions found = SUGGESTER.suggest(PLAIN, files(Map.of("adapter_config.json", ADAPTER), "adapter_model.safetensors"));

        Suggestion base = only(found, "base_model");
        assertThat(base.value()).isEqualTo("acme/Base-7B");
        assertThat(base.method()).isEqualTo("repo-file:adapter_config.json");
        assertThat(base.evidence()).isEqualTo(new Evidence("\"base_model_name_or_path\": \"acme/Base-7B\",", 3, 30, -1, -1,
                "adapter_config.json"));
        assertThat(base.confidence()).isGreaterThan(0.95);   // above the text's adapter-config rule
        assertThat(only(found, "base_model_relation").value()).isEqualTo("adapter");
        Suggestion library = only(found, "library_name");
        assertThat(library.value()).isEqualTo("peft");
        assertThat(library.evidence().line()).isEqualTo(4);
        Suggestion task = only(found, "pipeline_tag");
        assertThat(task.value()).isEqualTo("text-generation");
        assertThat(task.evidence().text()).isEqualTo("\"task_type\": \"CAUSAL_LM\"");
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void aLocalPathTheRepoItselfOrNoIdGivesNoBaseModel() {
        for (String path : List.of("/content/drive/MyDrive/llama", "./out", "../base", "~/models/x", "output/checkpoint-500",
                "models/llama-7b", "C:\\\\models\\\\x", "me/model", "None", "")) {
            String config = "{\"base_model_name_or_path\": \"" + path + "\", \"peft_type\": \"LORA\"}";
            CardSuggestions found = SUGGESTER.suggest(PLAIN, files(Map.of("adapter_config.json", config)));
            assertThat(found.suggestions()).as(path).extracting(Suggestion::field)
                    .doesNotContain("base_model", "base_model_relation").contains("library_name");
        }
        // a legacy single-name id is a Hub id
        CardSuggestions legacy = SUGGESTER.suggest(PLAIN, files(Map.of("adapter_config.json",
                "{\"base_model_name_or_path\": \"bert-base-uncased\"}")));
        assertThat(only(legacy, "base_model").value()).isEqualTo("bert-base-uncased");
    }

    @Test
    void theFilesValueReplacesTheTextsAndADifferentYamlValueIsAConflict() {
        String body = "# m\n\nThis model is a fine-tuned version of [acme/Other](https://huggingface.co/acme/Other) on the x dataset.\n";
        RepoFiles repo = files(Map.of("adapter_config.json", ADAPTER));
        CardSuggestions found = SUGGESTER.suggest(ModelCard.parse("me/model", body), repo);
        assertThat(only(found, "base_model").value()).isEqualTo("acme/Base-7B");
        // the card read alone still gives the text's value: the extractors are functions of the card
        assertThat(only(SUGGESTER.suggest(ModelCard.parse("me/model", body)), "base_model").value()).isEqualTo("acme/Other");

        CardSuggestions conflicting = SUGGESTER.suggest(ModelCard.parse("me/model", "---\nbase_model: acme/Other\n---\n" + body), repo);
        assertThat(conflicting.conflicts()).filteredOn(c -> c.field().equals("base_model")).singleElement().satisfies(c -> {
            assertThat(c.yamlValue()).isEqualTo("acme/Other");
            assertThat(c.suggestion().evidence().file()).isEqualTo("adapter_config.json");
        });
        CardSuggestions agreeing = SUGGESTER.suggest(ModelCard.parse("me/model", "---\nbase_model: acme/base-7b\n---\n" + body), repo);
        assertThat(agreeing.conflicts()).isEmpty();
        assertThat(agreeing.suggestions()).extracting(Suggestion::field).doesNotContain("base_model");
    }

    @Test
    void aMergekitConfigGivesEveryModelAndMerge() {
        String yaml = """
                slices:
                  - sources:
                      - model: acme/Left-7B
                        layer_range: [0, 32]
                      - model: acme/Right-7B
                        layer_range: [0, 32]
                merge_method: slerp
                base_model: acme/Left-7B
                dtype: bfloat16
                """;
        CardSuggestions found = SUGGESTER.suggest(PLAIN, files(Map.of("mergekit_config.yml", yaml)));
        assertThat(found.suggestions()).filteredOn(s -> s.field().equals("base_model")).extracting(Suggestion::value)
                .containsExactly("acme/Left-7B", "acme/Right-7B");
        assertThat(found.suggestions()).filteredOn(s -> s.field().equals("base_model")).extracting(s -> s.evidence().line())
                .containsExactly(3, 5);
        assertThat(only(found, "base_model_relation").value()).isEqualTo("merge");
        assertThat(found.suggestions()).extracting(Suggestion::method).containsOnly("repo-file:mergekit_config.yml");
        assertThat(found.suggestions().get(0).evidence().text()).isEqualTo("- model: acme/Left-7B");

        CardSuggestions broken = SUGGESTER.suggest(PLAIN, files(Map.of("mergekit_config.yaml",
                "merge_method: ties\nmodels:\n  - model: acme/A\n   bad: [\n")));
        assertThat(broken.suggestions()).extracting(Suggestion::field).doesNotContain("base_model");
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("mergekit_config.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("not valid YAML: ");
        });
    }

    private static Suggestion onlyWith(String config, String field) {
        return only(SUGGESTER.suggest(PLAIN, files(Map.of("config.json", config))), field);
    }

    private static List<String> fieldsOf(String config) {
        return SUGGESTER.suggest(PLAIN, files(Map.of("config.json", config))).suggestions().stream().map(Suggestion::field).toList();
    }

    @Test
    void configJsonHeadsGiveTheirTaskWhereItIsSureAndTransformersWritesItsVersion() {
        String token = "{\n  \"architectures\": [\n    \"BertForTokenClassification\"\n  ],\n  \"model_type\": \"bert\",\n"
                + "  \"transformers_version\": \"4.35.2\"\n}\n";
        Suggestion task = onlyWith(token, "pipeline_tag");
        assertThat(task.value()).isEqualTo("token-classification");
        assertThat(task.evidence()).isEqualTo(Evidence.inFile("config.json", "\"BertForTokenClassification\"", 3, 5));
        assertThat(task.method()).isEqualTo("repo-file:config.json");
        Suggestion library = onlyWith(token, "library_name");
        assertThat(library.value()).isEqualTo("transformers");
        assertThat(library.evidence().line()).isEqualTo(6);

        assertThat(onlyWith("{\"architectures\": [\"LlamaForCausalLM\"]}", "pipeline_tag").value()).isEqualTo("text-generation");
        assertThat(onlyWith("{\"architectures\": [\"RobertaForMaskedLM\"]}", "pipeline_tag").value()).isEqualTo("fill-mask");
        assertThat(onlyWith("{\"architectures\": [\"DistilBertForSequenceClassification\"]}", "pipeline_tag").value())
                .isEqualTo("text-classification");
        assertThat(onlyWith("{\"architectures\": [\"Wav2Vec2ForCTC\"]}", "pipeline_tag").value()).isEqualTo("automatic-speech-recognition");
        // not sure: a head of many tasks, audio classification under a text head's name, two tasks, no head, no version
        for (String unsure : List.of("{\"architectures\": [\"T5ForConditionalGeneration\"]}",
                "{\"architectures\": [\"Wav2Vec2ForSequenceClassification\"]}",
                "{\"architectures\": [\"LayoutLMv3ForQuestionAnswering\"]}",
                "{\"architectures\": [\"BertForMaskedLM\", \"BertForTokenClassification\"]}",
                "{\"architectures\": [\"BertModel\"]}", "{\"architectures\": \"BertForMaskedLM\"}", "{\"model_type\": \"bert\"}")) {
            assertThat(fieldsOf(unsure)).as(unsure).doesNotContain("pipeline_tag", "library_name");
        }
    }

    @Test
    void theTaskOfConfigJsonFilesTheTrainerResultsTheTextLeavesWithoutOne() {
        ModelCard trainer = ModelCard.parse("me/reviews-model", """
                ---
                license: apache-2.0
                ---
                # reviews-model

                This model is a fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on the imdb dataset.
                It achieves the following results on the evaluation set:
                - Loss: 0.2011
                - Accuracy: 0.9312
                """);
        Suggestion alone = only(SUGGESTER.suggest(trainer), "model-index");
        assertThat(((Map<?, ?>) alone.value()).containsKey("task")).isFalse();
        assertThat(alone.confidence()).isEqualTo(0.8);

        CardSuggestions withFiles = SUGGESTER.suggest(trainer, files(Map.of("config.json",
                "{\"architectures\": [\"DistilBertForSequenceClassification\"], \"transformers_version\": \"4.35.2\"}")));
        assertThat(only(withFiles, "pipeline_tag").value()).isEqualTo("text-classification");
        Suggestion filed = only(withFiles, "model-index");
        assertThat(((Map<?, ?>) filed.value()).get("task")).isEqualTo(
                Map.of("type", "text-classification", "name", "Text Classification"));
        assertThat(((Map<?, ?>) alone.value()).get("metric")).isNotNull();
        assertThat(((Map<?, ?>) filed.value()).get("metric")).isEqualTo(((Map<?, ?>) alone.value()).get("metric"));
        assertThat(((Map<?, ?>) filed.value()).get("dataset")).isEqualTo(((Map<?, ?>) alone.value()).get("dataset"));
        assertThat(filed.confidence()).isEqualTo(0.93);
        assertThat(filed.evidence()).isEqualTo(alone.evidence());
        Patch patch = new CardPatcher().patch(trainer, withFiles.suggestions(), "reviews-model");
        assertThat(patch.leftOut()).extracting(Patch.LeftOut::suggestion).doesNotContain(filed);
        assertThat(patch.patched()).contains("type: text-classification").contains("value: 0.9312");

        // a task the text's rules infer gives way to the files', which is the pipeline_tag the patch adds
        ModelCard snippet = ModelCard.parse("me/reviews-model", trainer.text() + "\n```python\nclassifier = pipeline(\"token-classification\", model=\"me/reviews-model\")\n```\n");
        Suggestion textTask = only(SUGGESTER.suggest(snippet), "model-index");
        assertThat(((Map<?, ?>) textTask.value()).get("task")).isEqualTo(Map.of("type", "token-classification",
                "name", "Token Classification"));
        CardSuggestions both = SUGGESTER.suggest(snippet, files(Map.of("config.json",
                "{\"architectures\": [\"DistilBertForSequenceClassification\"], \"transformers_version\": \"4.35.2\"}")));
        assertThat(only(both, "pipeline_tag").value()).isEqualTo("text-classification");
        assertThat(((Map<?, ?>) only(both, "model-index").value()).get("task")).isEqualTo(Map.of("type",
                "text-classification", "name", "Text Classification"));
        assertThat(only(both, "model-index").confidence()).isEqualTo(textTask.confidence());

        // a task the YAML gives stays the results' task, whatever the files say
        ModelCard tagged = ModelCard.parse("me/reviews-model", trainer.text().replace("license: apache-2.0",
                "license: apache-2.0\npipeline_tag: token-classification"));
        Suggestion own = only(SUGGESTER.suggest(tagged, files(Map.of("config.json",
                "{\"architectures\": [\"DistilBertForSequenceClassification\"], \"transformers_version\": \"4.35.2\"}"))),
                "model-index");
        assertThat(((Map<?, ?>) own.value()).get("task")).isEqualTo(Map.of("type", "token-classification",
                "name", "Token Classification"));
    }

    @Test
    void filesOnlyALibraryWritesNameItAndTheMostSpecificWins() {
        String config = "{\"architectures\": [\"BertModel\"], \"transformers_version\": \"4.1.0\"}";
        Suggestion st = only(SUGGESTER.suggest(PLAIN, files(Map.of("config.json", config), "config_sentence_transformers.json",
                "modules.json")), "library_name");
        assertThat(st.value()).isEqualTo("sentence-transformers");
        assertThat(st.evidence()).isEqualTo(Evidence.inFile("config_sentence_transformers.json", "config_sentence_transformers.json", 0, 0));
        assertThat(only(SUGGESTER.suggest(PLAIN, files(Map.of(), "model_index.json", "unet/config.json")), "library_name").value())
                .isEqualTo("diffusers");
        assertThat(only(SUGGESTER.suggest(PLAIN, files(Map.of(), "adapter_model.safetensors")), "library_name").value())
                .isEqualTo("peft");

        // the Hub's library list has no gguf id today: a .gguf file names nothing, unless the vocabulary has it
        RepoFiles gguf = files(Map.of(), "model-Q4_K_M.gguf");
        assertThat(SUGGESTER.suggest(PLAIN, gguf).suggestions()).extracting(Suggestion::field).doesNotContain("library_name");
        Vocabularies bundled = Vocabularies.bundled();
        Set<String> libraries = new HashSet<>(bundled.libraries());
        libraries.add("gguf");
        Vocabularies withGguf = new Vocabularies(bundled.licenses(), bundled.pipelineTags(), libraries, bundled.languages());
        assertThat(only(Suggester.builder().vocabularies(withGguf).build().suggest(PLAIN, gguf), "library_name").method())
                .isEqualTo("repo-file:*.gguf");
    }

    @Test
    void aFileThatIsNoJsonIsALocatedProblemAndTheOtherFilesAndTheCardAreStillRead() {
        String body = "# m\n\nThis model is a fine-tuned version of [acme/Other](https://huggingface.co/acme/Other) on the x dataset.\n";
        RepoFiles repo = new RepoFiles(null, List.of("config.json", "adapter_config.json", "mergekit_config.yml"),
                Map.of("config.json", "{\n  \"architectures\": [\"BertForMaskedLM\",]\n}", "adapter_config.json", "[1, 2]"),
                Map.of("mergekit_config.yml", "model mergekit_config.yml of me/model is larger than 1048576 bytes"));
        CardSuggestions found = SUGGESTER.suggest(ModelCard.parse("me/model", body), repo);
        assertThat(found.problems()).extracting(RepoFileProblem::located).containsExactlyInAnyOrder(
                "mergekit_config.yml:1:1: not read: model mergekit_config.yml of me/model is larger than 1048576 bytes",
                "adapter_config.json:1:1: not a JSON object",
                found.problems().stream().filter(p -> p.file().equals("config.json")).findFirst().orElseThrow().located());
        RepoFileProblem json = found.problems().stream().filter(p -> p.file().equals("config.json")).findFirst().orElseThrow();
        assertThat(json.line()).isEqualTo(2);
        assertThat(json.message()).startsWith("not valid JSON: ");
        assertThat(only(found, "base_model").value()).isEqualTo("acme/Other");   // the card's text, as without files
    }

    @Test
    void aCardReadWithoutFilesGetsWhatItAlwaysGot() {
        ModelCard card = ModelCard.parse("me/model", "# m\n\nThis model is a fine-tuned version of "
                + "[acme/Other](https://huggingface.co/acme/Other) on the x dataset.\n\n```python\nfrom transformers import AutoModel\n```\n");
        assertThat(SUGGESTER.suggest(card, RepoFiles.NONE)).isEqualTo(SUGGESTER.suggest(card));
        assertThat(SUGGESTER.suggest(card).problems()).isEmpty();
    }
    @Test
    void aStoredRepoFileValueKeepsItsFileAndLineInTheEvidenceNotAsACardLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CardSuggestions found = Suggester.builder().fields(List.of("base_model")).build()
                .suggest(PLAIN, files(Map.of("adapter_config.json", ADAPTER)));
        try (dev.cardminer.io.CardStore store = dev.cardminer.io.CardStore.open(dir.resolve("s.duckdb"))) {
            new SuggestionStore(store.connection()).write(found);
            try (var rs = store.connection().createStatement().executeQuery(
                    "SELECT method, evidence, line, \"column\", start_offset FROM suggestions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("repo-file:adapter_config.json");
                assertThat(rs.getString(2)).isEqualTo("adapter_config.json:3: \"base_model_name_or_path\": \"acme/Base-7B\",");
                assertThat(rs.getInt(3)).isZero();
                assertThat(rs.getInt(4)).isZero();
                assertThat(rs.getInt(5)).isEqualTo(-1);
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
