package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardLinterTest {

    private final CardLinter linter = new CardLinter();

    private List<String> codes(String text) {
        return linter.check(ModelCard.parse("org/m", text)).stream().map(Problem::code).toList();
    }

    @Test
    void recommendedKeysAreWarningsAtTheBlockWithTheirPath() {
        List<Problem> problems = linter.check(ModelCard.parse("x", "---\ntags: [a]\n---\n# x\n"));
        Problem license = problems.stream().filter(p -> p.code().equals("missing-license")).findFirst().orElseThrow();
        assertThat(license.severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(license.line()).isEqualTo(1);
        assertThat(license.path()).isEqualTo("license");
        assertThat(problems).extracting(Problem::code).contains("missing-pipeline-tag", "missing-library-name")
                .doesNotContain("missing-language", "missing-base-model");
    }

    @Test
    void languageOnlyForLanguageTasksAndBaseModelOnlyForFineTunes() {
        assertThat(codes("---\npipeline_tag: image-classification\n---\n# x\n")).doesNotContain("missing-language");
        assertThat(codes("---\npipeline_tag: translation\n---\n# x\n")).contains("missing-language");
        assertThat(codes("---\nlicense: mit\n---\nThis model is a fine-tuned version of bert.\n"))
                .contains("missing-base-model");
        assertThat(codes("---\nbase_model: bert-base-uncased\n---\nThis model is a fine-tuned version of bert.\n"))
                .doesNotContain("missing-base-model");
        // the template's field left as it came says nothing of a fine-tune; filled in, it does
        assertThat(codes("---\nlicense: mit\n---\n## Model Details\n\n- **Finetuned from model [optional]:** "
                + "[More Information Needed]\n- **Language(s):** en\n")).doesNotContain("missing-base-model");
        assertThat(codes("---\nlicense: mit\n---\n- **Finetuned from model:**\n")).doesNotContain("missing-base-model");
        // a sentence that wraps after "fine-tuned from model" is no template field
        assertThat(codes("---\nlicense: mit\n---\nThis checkpoint was fine-tuned from model\n[gpt2](https://huggingface.co/gpt2) "
                + "on wikitext.\n")).contains("missing-base-model");
        assertThat(codes("---\nlicense: mit\n---\n- **Finetuned from model**: [More Information Needed]\n"))
                .doesNotContain("missing-base-model");
        assertThat(codes("---\nlicense: mit\n---\n- **Finetuned from model [optional]:** gpt2\n"))
                .contains("missing-base-model");
        assertThat(codes("---\nlicense: mit\n---\n- **Finetuned from model [optional]:** [More Information Needed]\n\n"
                + "It is a fine-tuned version of gpt2.\n")).contains("missing-base-model");
    }

    @Test
    void aBlockHiddenByABomOrNeverClosedGetsNoKeyWarningsAndNoMetadataSaysWhy() {
        List<Problem> bom = linter.check(ModelCard.parse("x", "\uFEFF---\nlicense: mit\n---\n# x\n"));
        assertThat(bom).extracting(Problem::code).contains("bom-hides-metadata", "no-metadata")
                .doesNotContain("missing-license", "missing-pipeline-tag", "missing-library-name");
        assertThat(bom.stream().filter(p -> p.code().equals("no-metadata")).findFirst().orElseThrow().message())
                .isEqualTo("the Hub reads no metadata block: the file's block is hidden or broken (bom-hides-metadata at "
                        + "line 1); fix that, then check again");
        assertThat(codes("---\nlicense: mit\n# x\n")).contains("metadata-unclosed").doesNotContain("missing-license");
        assertThat(codes("# x\n")).contains("no-metadata", "missing-license");   // no block at all: the keys are missing
    }

    /**
     * Blocks the Hub does not see although the author wrote one: check says why, where "the card has no metadata block"
     * (or "no '---' line closes it") left a publisher puzzled.
     */
    @Test
    void noMetadataSaysWhyTheHubDoesNotSeeTheBlockTheAuthorWrote() {
        List<Problem> blanks = linter.check(ModelCard.parse("x", "---  \nlicense: mit\n---\n# x\n"));
        assertThat(blanks).filteredOn(p -> p.code().equals("no-metadata")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(4);
            assertThat(p.message()).contains("has spaces or tabs after it");
        });
        assertThat(blanks).extracting(Problem::code).doesNotContain("missing-license");   // the author wrote it
        List<Problem> empty = linter.check(ModelCard.parse("x", "\n---\n---\n# x\n"));
        assertThat(empty).filteredOn(p -> p.code().equals("no-metadata")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("'---' right above '---' is an empty block");
        });
        assertThat(empty).extracting(Problem::code).contains("missing-license");   // nothing is written there
        // closed, only empty: the parse does not call it unclosed (suggest and edit fill it)
        assertThat(empty).extracting(Problem::code).doesNotContain("metadata-unclosed");
        assertThat(codes("---\n---")).contains("no-metadata").doesNotContain("metadata-unclosed");
        assertThat(codes("---\r---\r# x\r")).contains("metadata-unclosed");   // lone CRs: the Hub closes nothing
        assertThat(linter.check(ModelCard.parse("x", "---\rlicense: mit\r---\r# x\r")))
                .filteredOn(p -> p.code().equals("no-metadata")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("lone carriage return"));
    }

    @Test
    void anUnreadableBlockGetsNoKeyWarningsOnTopOfItsError() {
        assertThat(codes("---\nlicense: [x\n---\n# x\n")).contains("yaml-syntax").doesNotContain("missing-license",
                "empty-metadata");
    }

    @Test
    void sectionsInASubsectionCountForTheirParent() {
        String card = "---\nlicense: mit\n---\n# M\n\n## Training Details\n\n### Training Data\n\nReviews.\n";
        assertThat(linter.check(ModelCard.parse(card)).stream().filter(p -> p.code().equals("missing-section"))
                .map(Problem::message).toList()).noneMatch(m -> m.contains("Training Details"))
                .anyMatch(m -> m.contains("'Evaluation'"));
    }

    @Test
    void aSectionThatHoldsOnlyPlaceholdersIsReportedOnceAsAPlaceholderNotAlsoAsMissing() {
        String card = "---\nlicense: mit\n---\n# M\n\n## Evaluation\n\n### Results\n\n[More Information Needed]\n\n"
                + "## Uses\n\nTBD\n\n## Training Details\n\nOn reviews.\n";
        List<Problem> sections = linter.check(ModelCard.parse(card)).stream()
                .filter(p -> p.code().endsWith("-section")).toList();
        assertThat(sections).extracting(Problem::code, Problem::line).containsExactlyInAnyOrder(
                tuple("placeholder-section", 8),
                tuple("placeholder-section", 12),
                tuple("missing-section", 1));
        // the one missing is the section the card lacks
        assertThat(sections).filteredOn(p -> p.code().equals("missing-section")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'Bias, Risks, and Limitations'"));
    }

    @Test
    void problemsComeInLineOrder() {
        List<Problem> problems = linter.check(ModelCard.parse("---\nlicense: [x\n---\n# x\n\n## Uses\n\n"
                + "[More Information Needed]\n"));
        assertThat(problems).isSortedAccordingTo((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
    }

    @Test
    void longValuesAreQuotedShortenedWithTheirLengthAndShortOnesWhole() {
        // a 100,000-character licence made a 100 KB message, in every output (text, github, SARIF, stored rows)
        String z = "z".repeat(100_000);
        String card = "---\nlicense: " + z + "\npipeline_tag: p" + z + "\nlibrary_name: l" + z + "\nbase_model: ./"
                + z + "\nlanguage:\n- Eng" + z + "\n- " + "e".repeat(500) + "-x\ndatasets:\n- https://x/" + z
                + "\ntags:\n- !!int \"" + z + "\"\nx: 0" + "7".repeat(3_000) + "\nw: !!float \"1" + "0".repeat(3_000)
                + "\"\nwidget: " + z + "\nbase_model_relation: " + z + "\nextra_gated_fields:\n  " + "f".repeat(1_000)
                + ": " + z + "\n\"" + "d".repeat(1_000) + "\": 1\n\"" + "d".repeat(1_000) + "\": 2\n---\n# T\n";
        List<Problem> problems = linter.check(ModelCard.parse("org/m", card));
        assertThat(problems).extracting(Problem::code).contains("unknown-license", "unknown-pipeline-tag",
                "unknown-library", "invalid-model-id", "unknown-language", "invalid-dataset-id", "yaml-tag",
                "yaml11-scalar", "invalid-type", "unknown-base-model-relation", "invalid-gated-field", "yaml-duplicate-key");
        assertThat(problems).allSatisfy(p -> assertThat(p.message().length()).as(() -> p.toString().substring(0, Math.min(200, p.toString().length())))
                .isLessThan(400));
        assertThat(problems.stream().filter(p -> p.code().equals("unknown-license")).findFirst().orElseThrow().message())
                .startsWith("license '" + "z".repeat(80) + "…' (100,000 characters) is not a ");
        // a value of 100 characters or fewer is quoted whole, as before
        String hundred = "q".repeat(100);
        assertThat(linter.check(ModelCard.parse("org/m", "---\nlicense: " + hundred + "\n---\n# T\n")))
                .filteredOn(p -> p.code().equals("unknown-license")).extracting(Problem::message)
                .allMatch(m -> m.startsWith("license '" + hundred + "' is not a "));
    }

    @Test
    void aKeyGivenOnlyThroughAMergeKeyIsNotSaidUnknownButWarnedAtTheMergeKey() {
        // PyYAML (the Hub's Python client) merges the mapping in; "missing: unknown to users and the Hub" was half
        // wrong, and the merge-key note is info, which --quiet hides
        String card = "---\nx-defaults: &d\n  license: mit\n  library_name: timm\n<<: *d\npipeline_tag: fill-mask\n---\n# T\n";
        List<Problem> problems = linter.check(ModelCard.parse("org/m", card));
        Problem license = problems.stream().filter(p -> p.code().equals("missing-license")).findFirst().orElseThrow();
        assertThat(license.severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(license.line()).isEqualTo(5);
        assertThat(license.message()).isEqualTo("recommended key 'license' is given only through the merge key '<<' at "
                + "line 5: PyYAML (YAML 1.1, the Hub's Python client) merges it into the block, YAML 1.2 readers "
                + "(cardminer among them) read '<<' as a plain key and do not; write 'license' in the block itself so "
                + "that every reader sees it").doesNotContain("unknown");
        assertThat(problems.stream().filter(p -> p.code().equals("missing-library-name")).findFirst().orElseThrow()
                .message()).contains("merge key '<<' at line 5");
        // a key the merged mapping does not give is missing as before
        assertThat(problems.stream().filter(p -> p.code().equals("missing-language")).findFirst().orElseThrow()
                .message()).startsWith("recommended key 'language' is missing: ");
        // a list of merged mappings too
        String listed = "---\na: &a {license: mit}\nb: &b {pipeline_tag: fill-mask}\n<<: [*a, *b]\n---\n# T\n";
        assertThat(linter.check(ModelCard.parse("org/m", listed))).filteredOn(p -> p.code().startsWith("missing-"))
                .filteredOn(p -> p.message().contains("merge key '<<' at line 4")).extracting(Problem::path)
                .containsExactlyInAnyOrder("license", "pipeline_tag");
    }

    @Test
    void aMisspeltHubKeyIsAWarningAtItsLineNamingTheKeyMeant() {
        String card = "---\nlicence: mit\ntags:\n- a\npipline_tag: fill-mask\n\"base-model\": bert-base-uncased\n"
                + "dataset: imdb\nlanguages: [en]\nLibrary_Name: transformers\n---\n# x\n";
        List<Problem> misspelt = linter.check(ModelCard.parse("org/m", card)).stream()
                .filter(p -> p.code().equals(ProblemCodes.MISSPELLED_KEY)).toList();
        assertThat(misspelt).extracting(Problem::path).containsExactly("licence", "pipline_tag", "base-model", "dataset",
                "languages", "Library_Name");
        assertThat(misspelt).extracting(Problem::line).containsExactly(2, 5, 6, 7, 8, 9);
        assertThat(misspelt.get(0).severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(misspelt.get(0).message()).contains("'licence'").contains("did you mean 'license'?");
        assertThat(misspelt.get(2).message()).contains("did you mean 'base_model'?");
        // the missing-key warning of the key meant points at the misspelt one
        List<Problem> all = linter.check(ModelCard.parse("org/m", card));
        assertThat(all).filteredOn(p -> p.code().equals(ProblemCodes.MISSING_LICENSE)).singleElement()
                .extracting(Problem::message).asString()
                .endsWith("(the block has 'licence' at line 2, which the Hub does not read)");
        assertThat(all).filteredOn(p -> p.code().equals(ProblemCodes.MISSING_PIPELINE_TAG)).singleElement()
                .extracting(Problem::message).asString().contains("'pipline_tag' at line 5");
        assertThat(linter.check(ModelCard.parse("org/m", "---\ntags: [a]\n---\n# x\n")))
                .filteredOn(p -> p.code().equals(ProblemCodes.MISSING_LICENSE)).singleElement()
                .extracting(Problem::message).asString().doesNotContain("the block has");
    }

    @Test
    void aQuotedMisspeltKeyWithEscapesIsAtItsLine() {
        // the key as read ("licen<ESC>se") is compared with the line's key after unescaping
        String card = "---\ntags:\n- a\n\"licen\\u001bse\": mit\n---\n# x\n";
        List<Problem> misspelt = linter.check(ModelCard.parse("org/m", card)).stream()
                .filter(p -> p.code().equals(ProblemCodes.MISSPELLED_KEY)).toList();
        assertThat(misspelt).extracting(Problem::path).containsExactly("licen\u001bse");
        assertThat(misspelt.get(0).line()).isEqualTo(4);
    }

    @Test
    void misspeltKeysAreOnlyTopLevelOnesAtTheirLineWhateverTheLineEnds() {
        // nested keys near a Hub key's name are the structure's own (a widget's, a gated form's): no warning
        String card = "---\r\nwidget:\r\n- text: hi\r\n  licence: mit\r\nextra_gated_fields:\r\n  Licence: checkbox\r\n"
                + "co2_eq_emissions:\r\n  emisions: 3\r\n\"Pipeline-Tag\" : fill-mask\r\n---\r\n# x\r\n";
        List<Problem> misspelt = linter.check(ModelCard.parse("org/m", card)).stream()
                .filter(p -> p.code().equals(ProblemCodes.MISSPELLED_KEY)).toList();
        assertThat(misspelt).extracting(Problem::path).containsExactly("Pipeline-Tag");
        assertThat(misspelt).extracting(Problem::line).containsExactly(9);
        // a flow-style block's key is said at the block
        List<Problem> flow = linter.check(ModelCard.parse("org/m", "---\n{licence: mit, tags: [a]}\n---\n# x\n")).stream()
                .filter(p -> p.code().equals(ProblemCodes.MISSPELLED_KEY)).toList();
        assertThat(flow).extracting(Problem::path).containsExactly("licence");
        // many such keys: each at its own line, quoted or plain
        StringBuilder many = new StringBuilder("---\n");
        for (int i = 0; i < 2000; i++) {
            many.append(i % 2 == 0 ? "license" + (char) (0x4E00 + i) : "'license" + (char) (0x4E00 + i) + "'").append(": x\n");
        }
        List<Problem> each = linter.check(ModelCard.parse("org/m", many + "---\n# x\n")).stream()
                .filter(p -> p.code().equals(ProblemCodes.MISSPELLED_KEY)).toList();
        assertThat(each).hasSize(2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(each.get(i).line()).isEqualTo(i + 2);
            assertThat(each.get(i).path()).isEqualTo("license" + (char) (0x4E00 + i));
        }
        assertThat(MetadataKeys.listValued("widget")).isTrue();
        assertThat(MetadataKeys.listValued("tags")).isTrue();
        assertThat(MetadataKeys.listValued("inference")).isFalse();
        assertThat(MetadataKeys.listValued("license")).isFalse();
    }

    @Test
    void hubKeysAndCustomKeysFarFromThemAreNotMisspelt() {
        String card = "---\nlicense: mit\nlicense_name: x\nlicense_link: LICENSE\nlanguage: en\ntags: [a]\n"
                + "datasets: [imdb]\nmetrics: [f1]\nbase_model: a/b\nbase_model_relation: adapter\n"
                + "pipeline_tag: fill-mask\nlibrary_name: transformers\nmodel-index: []\nwidget: []\n"
                + "inference: false\nmodel_name: m\nlanguage_bcp47: [en-US]\nfinetuned_from: a/b\ntask: x\n"
                + "instance_prompt: sks dog\nmodel_creator: acme\nquantized_by: me\nprompt_template: x\n---\n# x\n";
        assertThat(codes(card)).doesNotContain(ProblemCodes.MISSPELLED_KEY);
        assertThat(MetadataKeys.didYouMean("license")).isEmpty();
        assertThat(MetadataKeys.didYouMean("libary_name")).hasValue("library_name");
        assertThat(MetadataKeys.didYouMean("model_index")).hasValue("model-index");
        assertThat(MetadataKeys.didYouMean("pipeline_tags")).hasValue("pipeline_tag");
        assertThat(MetadataKeys.didYouMean("tasks")).isEmpty();
        assertThat(MetadataKeys.kind("license")).isEqualTo(MetadataKeys.Kind.SINGLE);
        assertThat(MetadataKeys.kind("tags")).isEqualTo(MetadataKeys.Kind.LIST);
        assertThat(MetadataKeys.kind("model_name")).isEqualTo(MetadataKeys.Kind.UNKNOWN);
    }
}
