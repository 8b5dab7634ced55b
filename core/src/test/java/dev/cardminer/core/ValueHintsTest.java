package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value the Hub does not take, mistyped as publishers mistype it: the problem says what to write instead. */
class ValueHintsTest {

    private static String message(String yaml, String code) {
        return ModelCard.parse("---\n" + yaml + "\n---\n# M\n").problems().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().message();
    }

    private static void noGuess(String code, String... yamls) {
        for (String yaml : yamls) {
            assertThat(message(yaml, code)).as(yaml).doesNotContain("did you mean");
        }
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
    void aTaskOrLibraryWrittenWithAnotherEndingGetsTheIdMeant() {
        assertThat(message("pipeline_tag: text-classifier", ProblemCodes.UNKNOWN_PIPELINE_TAG))
                .isEqualTo("pipeline_tag 'text-classifier' is not a pipeline tag the Hub knows; did you mean "
                        + "'text-classification'?");
        assertThat(message("pipeline_tag: Image-Classifier", ProblemCodes.UNKNOWN_PIPELINE_TAG))
                .endsWith("; did you mean 'image-classification'?");
        assertThat(message("pipeline_tag: summarizer", ProblemCodes.UNKNOWN_PIPELINE_TAG))
                .endsWith("; did you mean 'summarization'?");
        assertThat(message("pipeline_tag: object-detector", ProblemCodes.UNKNOWN_PIPELINE_TAG))
                .endsWith("; did you mean 'object-detection'?");
        assertThat(message("library_name: transformer", ProblemCodes.UNKNOWN_LIBRARY))
                .endsWith("; did you mean 'transformers'?");
        // no guess where the value is another thing, or where the words differ by more than an ending
        noGuess(ProblemCodes.UNKNOWN_PIPELINE_TAG, "pipeline_tag: conversational", "pipeline_tag: text2text-generation",
                "pipeline_tag: transformer", "pipeline_tag: image-generation", "pipeline_tag: classification",
                "pipeline_tag: text-classifiers-and-more");
        noGuess(ProblemCodes.UNKNOWN_LIBRARY, "library_name: tensorflow", "library_name: pytorch", "library_name: sentence");
        noGuess(ProblemCodes.UNKNOWN_LICENSE, "license: llama5", "license: gpl-5.0", "license: apache");
    }

    @Test
    void aLanguageWrittenAsItsNameGetsItsCode() {
        assertThat(message("language: english", ProblemCodes.UNKNOWN_LANGUAGE))
                .isEqualTo("language 'english' is not an ISO 639-1, 639-2 or 639-3 code; it is the language's name: "
                        + "did you mean 'en'?");
        assertThat(message("language:\n- German\n- fr", ProblemCodes.UNKNOWN_LANGUAGE))
                .isEqualTo("language[0] 'German' is not an ISO 639-1, 639-2 or 639-3 code; it is the language's name: "
                        + "did you mean 'de'?");
        noGuess(ProblemCodes.UNKNOWN_LANGUAGE, "language: multilingual", "language: protein", "language: englishh",
                "language: Swedish Spanish");
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
