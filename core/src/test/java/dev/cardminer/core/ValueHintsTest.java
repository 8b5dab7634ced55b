package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value the Hub does not take, mistyped as publishers mistype it: the problem says what to write instead. */
class ValueHintsTest {

    private static String message(String yaml, String code) {
        return ModelCard.parse("---\n" + yaml + "\n---\n# M\n").problems().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().message();
    }

    @Test
    void aVocabularyValueWithOtherCaseOrUnderscoresOrSpacesGetsTheIdMeant() {
        assertThat(message("pipeline_tag: text_classification", ProblemCodes.UNKNOWN_PIPELINE_TAG))
                .endsWith("; did you mean 'text-classification'?");
        assertThat(message("license: Apache 2.0", ProblemCodes.UNKNOWN_LICENSE)).endsWith("; did you mean 'apache-2.0'?");
        assertThat(message("license: MIT", ProblemCodes.UNKNOWN_LICENSE)).endsWith("; did you mean 'mit'?");
        assertThat(message("license: my-own", ProblemCodes.UNKNOWN_LICENSE)).doesNotContain("did you mean");
    }

    @Test
    void aHubPagesUrlGivenAsAnIdGetsTheIdToWrite() {
        assertThat(message("datasets:\n- https://huggingface.co/datasets/stanfordnlp/imdb", ProblemCodes.INVALID_DATASET_ID))
                .isEqualTo("datasets[0] 'https://huggingface.co/datasets/stanfordnlp/imdb' is a URL, not a Hub id "
                        + "(name or org/name); write 'stanfordnlp/imdb'");
        assertThat(message("base_model: https://huggingface.co/acme/base-1/tree/main", ProblemCodes.INVALID_MODEL_ID))
                .endsWith("; write 'acme/base-1'");
        // a dataset page is no model, and another site's URL holds no Hub id
        assertThat(message("base_model: https://huggingface.co/datasets/acme/d", ProblemCodes.INVALID_MODEL_ID))
                .doesNotContain("write");
        assertThat(message("datasets: https://example.com/data", ProblemCodes.INVALID_DATASET_ID)).doesNotContain("write");
    }
}
