package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConceptNormaliserTest {

    private final ConceptNormaliser normaliser = new ConceptNormaliser();

    @Test
    void mergesTheSeedsMetricVariants() {
        Map<String, Long> raw = new LinkedHashMap<>();
        raw.put("f1", 54L);
        raw.put("'f1'", 15L);
        raw.put("F1", 5L);
        raw.put("F1 score", 3L);
        raw.put("\"accuracy\"", 8L);
        raw.put("Accuracy", 70L);
        raw.put("accuracy", 32L);
        raw.put("Validation Loss", 116L);
        raw.put("validation_loss", 2L);
        raw.put("Train Loss", 13L);
        raw.put("training loss", 76L);
        raw.put("Rouge1", 7L);
        List<ConceptCount> rows = normaliser.merge(raw, false, 1000, 10);
        assertThat(rows).extracting(ConceptCount::name, ConceptCount::count).containsExactly(
                tuple("Validation Loss", 118L),
                tuple("Accuracy", 110L),
                tuple("Training Loss", 89L),
                tuple("F1", 77L),
                tuple("ROUGE-1", 7L));
        ConceptCount f1 = rows.get(3);
        assertThat(f1.forms()).containsExactly("f1", "'f1'", "F1", "F1 score");
        assertThat(f1.proportion()).isEqualTo(7.7);
    }

    @Test
    void mergesCaseSeparatorsQuotesAndPluralsOfAnySubject() {
        assertThat(normaliser.subjectKey("`learning_rate`")).isEqualTo(normaliser.subjectKey("Learning Rate"));
        assertThat(normaliser.subjectKey("Hyperparameters")).isEqualTo(normaliser.subjectKey("hyperparameter"));
        assertThat(normaliser.subjectKey("More Information Needed")).isEqualTo(normaliser.subjectKey("more-information-needed"));
        assertThat(normaliser.subjectKey("Adam")).isNotEqualTo(normaliser.subjectKey("AdamW"));
        assertThat(normaliser.subjectKey("class")).isEqualTo(normaliser.subjectKey("classes"));
        assertThat(normaliser.subjectKey("bias")).isEqualTo("bias");
    }

    @Test
    void mergesCategorySynonyms() {
        Map<String, Long> raw = Map.of("numerical value", 20L, "numeric value", 6L, "Numerical Values", 1L,
                "model", 40L, "Models", 2L);
        List<ConceptCount> rows = normaliser.merge(raw, true, 69, 10);
        assertThat(rows).extracting(ConceptCount::name).containsExactly("model", "numerical value");
        assertThat(rows.get(1).count()).isEqualTo(27);
        assertThat(rows.get(1).forms()).containsExactly("numerical value", "numeric value", "Numerical Values");
        assertThat(normaliser.distinct(raw.keySet(), true)).isEqualTo(2);
    }

    @Test
    void distinctThingsOfOneCategoryStayApart() {
        // Regression: gazetteer lines that listed several libraries, metrics or formats were read as
        // synonyms, so SetFit merged into SpeechBrain, nDCG@10 into MRR and GGUF into "quantized".
        for (List<String> apart : List.of(List.of("SpeechBrain", "SetFit", "timm", "NeMo", "fairseq"),
                List.of("MRR", "nDCG@10", "MAP@100", "recall@10"),
                List.of("quantized", "GGUF", "GPTQ", "fp16", "bf16"),
                List.of("Precision", "training_precision"),
                List.of("LoRA", "QLoRA", "PEFT"),
                List.of("DeepSpeed", "FSDP"))) {
            assertThat(apart.stream().map(normaliser::subjectKey).distinct()).as("%s", apart).hasSize(apart.size());
        }
    }

    @Test
    void trueSynonymsStillMerge() {
        for (List<String> same : List.of(List.of("SetFit", "setfit"), List.of("MRR", "mean reciprocal rank"),
                List.of("quantized", "quantization", "quantised"), List.of("fp16", "half precision"),
                List.of("LoRA", "low-rank adaptation"),
                List.of("Weights & Biases", "wandb"))) {
            assertThat(same.stream().map(normaliser::subjectKey).distinct()).as("%s", same).hasSize(1);
        }
    }
}
