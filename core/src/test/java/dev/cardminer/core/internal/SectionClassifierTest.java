package dev.cardminer.core.internal;

import static dev.cardminer.core.CanonicalSection.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.CanonicalSection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SectionClassifierTest {

    private final SectionClassifier classifier = new SectionClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Model Description|model description",
        "1. Model Details:|model details",
        "2.1 Training Data|training data",
        "IV. Evaluation|evaluation",
        "🚀 How to use 🤗|how to use",
        "**Limitations and bias**|limitations and bias",
        "Downstream Use [optional]|downstream use",
        "Citation (Optional)|citation",
        "Intended uses & limitations|intended uses and limitations",
        "Out-of-Scope Use|out of scope use",
        "What's this?|whats this",
        "简介 Brief Introduction|brief introduction",
        "模型信息|模型信息",
        "2023|2023",
        "Bias, Risks, and Limitations|bias risks and limitations",
        "`model_name`|model name"})
    void normalisesCaseMarkupNumberingEmojiAndOptional(String title, String expected) {
        assertThat(SectionClassifier.normalize(title)).isEqualTo(expected);
    }

    static Stream<Arguments> variants() {
        return Stream.of(
            // The Trainer's card
            Arguments.of("Model description", MODEL_DESCRIPTION),
            Arguments.of("Intended uses & limitations", USES),
            Arguments.of("Training and evaluation data", TRAINING_DATA),
            Arguments.of("Training procedure", TRAINING_PROCEDURE),
            Arguments.of("Training hyperparameters", TRAINING_HYPERPARAMETERS),
            Arguments.of("Training results", RESULTS),
            Arguments.of("Framework versions", SOFTWARE),
            // Common hand-written variants
            Arguments.of("Limitations and bias", BIAS_RISKS_AND_LIMITATIONS),
            Arguments.of("How to use", HOW_TO_GET_STARTED),
            Arguments.of("BibTeX entry and citation info", CITATION),
            Arguments.of("Evaluation results", RESULTS),
            Arguments.of("Usage", HOW_TO_GET_STARTED),
            Arguments.of("Usage (Sentence-Transformers)", HOW_TO_GET_STARTED),
            Arguments.of("Intended use", USES),
            Arguments.of("Out-of-scope use", OUT_OF_SCOPE_USE),
            Arguments.of("Ethical considerations", BIAS_RISKS_AND_LIMITATIONS),
            Arguments.of("Environmental impact", ENVIRONMENTAL_IMPACT),
            Arguments.of("Citation", CITATION),
            Arguments.of("## 3. Training Hyperparameters:", TRAINING_HYPERPARAMETERS),
            Arguments.of("📚 Citation", CITATION),
            Arguments.of("**How to Get Started with the Model**", HOW_TO_GET_STARTED),
            Arguments.of("Glossary [optional]", GLOSSARY),
            Arguments.of("Model Card Authors [optional]", MODEL_CARD_AUTHORS),
            Arguments.of("Speeds, Sizes, Times", SPEEDS_SIZES_TIMES),
            Arguments.of("Testing Data, Factors & Metrics", EVALUATION),
            Arguments.of("Direct Usage (Transformers)", DIRECT_USE),
            Arguments.of("Open LLM Leaderboard Evaluation Results", RESULTS),
            // Keyword rules for titles the alias table does not hold
            Arguments.of("Known biases of the model", BIAS_RISKS_AND_LIMITATIONS),
            Arguments.of("Carbon footprint of training", ENVIRONMENTAL_IMPACT),
            Arguments.of("How to cite this work", CITATION),
            Arguments.of("Misuse, Malicious Use, and Out-of-Scope Use", OUT_OF_SCOPE_USE),
            Arguments.of("Hyperparameters used for fine-tuning", TRAINING_HYPERPARAMETERS),
            // Unrelated or ambiguous titles
            Arguments.of("Table of Contents", null),
            Arguments.of("License", null),
            Arguments.of("Licence and usage restrictions", null),
            Arguments.of("Acknowledgements", null),
            Arguments.of("bert-base-uncased-finetuned-squad", null),
            Arguments.of("Model Card for Model ID", null),
            Arguments.of("PPO Agent playing LunarLander-v2", null),
            Arguments.of("", null),
            Arguments.of("🤗", null));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void mapsVariantsToTheTemplate(String title, CanonicalSection expected) {
        assertThat(classifier.classify(title, null)).isEqualTo(expected);
    }

    @Test
    void summaryAndDatasetDependOnTheEnclosingSection() {
        assertThat(classifier.classify("Summary", RESULTS)).isEqualTo(SUMMARY);
        assertThat(classifier.classify("Summary", EVALUATION)).isEqualTo(SUMMARY);
        assertThat(classifier.classify("Summary", null)).isEqualTo(MODEL_DESCRIPTION);
        assertThat(classifier.classify("Dataset", TESTING_DATA)).isEqualTo(TESTING_DATA);
        assertThat(classifier.classify("Dataset", EVALUATION)).isEqualTo(TESTING_DATA);
        assertThat(classifier.classify("Dataset", TRAINING_DETAILS)).isEqualTo(TRAINING_DATA);
        assertThat(classifier.classify("Dataset", null)).isEqualTo(TRAINING_DATA);
    }

    @Test
    void everyTemplateTitleMapsToItself() {
        for (CanonicalSection section : CanonicalSection.values()) {
            assertThat(classifier.classify(section.title(), section.parent())).as(section.title()).isEqualTo(section);
        }
    }
}
