package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MetadataKeys is the one list of the Hub's keys: the validator's type checks follow its kinds. */
class MetadataKeysTest {

    /** The one-string keys without a check of their own (vocabulary, repo id, relation): only their type is checked. */
    private static final List<String> PLAIN_STRING_KEYS = List.of("license_name", "license_link", "thumbnail",
            "extra_gated_prompt", "extra_gated_heading", "extra_gated_description", "extra_gated_button_content");

    private static List<Problem> typeProblems(String key, String yamlValue) {
        return ModelCard.parse("---\n" + key + ": " + yamlValue + "\n---\n# M\n").problems().stream()
                .filter(p -> p.code().equals(ProblemCodes.INVALID_TYPE)).toList();
    }

    @Test
    void everyOneStringKeyIsTypeCheckedAndItsStringPasses() {
        for (String key : PLAIN_STRING_KEYS) {
            assertThat(MetadataKeys.kind(key)).as(key).isEqualTo(MetadataKeys.Kind.SINGLE);
            assertThat(typeProblems(key, "[a, b]")).as(key).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(key);
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.message()).contains(key).contains("string");
            });
            assertThat(typeProblems(key, "{a: 1}")).as(key).hasSize(1);
            assertThat(typeProblems(key, "some text")).as(key).isEmpty();
        }
    }

    @Test
    void theOneStringKeysWithChecksOfTheirOwnRejectAListOnce() {
        for (String key : List.of("license", "library_name", "pipeline_tag", "base_model_relation", "new_version")) {
            assertThat(MetadataKeys.kind(key)).as(key).isEqualTo(MetadataKeys.Kind.SINGLE);
            assertThat(typeProblems(key, "[a, b]")).as(key).singleElement()
                    .satisfies(p -> assertThat(p.path()).isEqualTo(key));
        }
    }

    @Test
    void keysTheHubDoesNotDefineAreNotChecked() {
        for (String key : List.of("model_name", "license_names", "Thumbnail", "extra_gated")) {
            assertThat(MetadataKeys.kind(key)).as(key).isEqualTo(MetadataKeys.Kind.UNKNOWN);
            assertThat(typeProblems(key, "[a, b]")).as(key).isEmpty();
        }
    }

    @Test
    void structuredKeysAreNotTakenForStrings() {
        assertThat(typeProblems("widget", "[{text: hi}]")).isEmpty();
        assertThat(typeProblems("inference", "{parameters: {temperature: 0.5}}")).isEmpty();
        assertThat(typeProblems("extra_gated_eu_disallowed", "true")).isEmpty();
    }
}
