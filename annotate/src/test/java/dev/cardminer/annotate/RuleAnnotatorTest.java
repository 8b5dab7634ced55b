package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cardminer.testkit.SharedData;
import dev.cardminer.core.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleAnnotatorTest {

    private static final KnownNames KNOWN = KnownNames.none()
            .addModels(List.of("acme/tiny-llm-v2", "mistralai/Mistral-7B-v0.1"))
            .addDatasets(List.of("acme/cat-pictures", "my_custom_corpus", "none"));
    private final RuleAnnotator rules = new RuleAnnotator(KNOWN);

    private List<Annotation> annotate(String text) {
        return rules.annotate(List.of(new Sentence("c", 0, null, null, 0, text.length(), text)));
    }

    private List<String> labelled(String text, String category) {
        return annotate(text).stream().filter(a -> a.category().equals(category)).map(Annotation::subject).toList();
    }

    @Test
    void models() {
        assertThat(labelled("Fine-tuned XLSR-53 large model for speech recognition in English", "model"))
                .containsExactly("XLSR-53");
        assertThat(labelled("A distilbert-base-uncased-finetuned-sst2 variant and Mistral 7B.", "model"))
                .containsExactly("distilbert-base-uncased-finetuned-sst2", "Mistral 7B");
        assertThat(labelled("Built on acme/tiny-llm-v2, google/flan-t5-base and someone/my-bert-thing.", "model"))
                .containsExactly("acme/tiny-llm-v2", "google/flan-t5-base", "someone/my-bert-thing");
        assertThat(labelled("Files go to path/to/file and data/train.", "model")).isEmpty();
        assertThat(labelled("We opt in.", "model")).isEmpty();
    }

    @Test
    void modelModifications() {
        assertThat(labelled("Fine-tuned with LoRA, then quantized to GGUF, merged and distilled.", "model modification"))
                .containsExactly("Fine-tuned", "LoRA", "quantized", "GGUF", "merged", "distilled");
    }

    @Test
    void datasets() {
        assertThat(labelled("Trained on acme/cat-pictures, my_custom_corpus and SQuAD 2.0.", "dataset"))
                .containsExactly("acme/cat-pictures", "my_custom_corpus", "SQuAD 2.0");
        assertThat(labelled("It was fine-tuned on the sunny/shiny-data dataset and on the None dataset.", "dataset"))
                .containsExactly("sunny/shiny-data");
    }

    @Test
    void metricsWithTheirValues() {
        List<Annotation> a = annotate("Accuracy: 0.9312, F1 score of 0.88 and Validation Loss 0.1999");
        assertThat(a).extracting(Annotation::subject, Annotation::category).contains(
                tuple("Accuracy", "metric"), tuple("0.9312", "numerical value"), tuple("F1 score", "metric"),
                tuple("0.88", "numerical value"), tuple("Validation Loss", "metric"), tuple("0.1999", "numerical value"));
        Annotation f1 = a.stream().filter(x -> x.subject().equals("F1 score")).findFirst().orElseThrow();
        assertThat(f1.description()).isEqualTo("F1");
    }

    @Test
    void precisionAsANumberFormatIsNoMetricHyphenatedOrAsASetting() {
        for (String text : List.of("Weights are stored in half-precision to save memory.",
                "We trained it with mixed-precision on one GPU.", "Inference in fp16-precision is twice as fast.",
                "Use fp16/bf16 precision where the GPU supports it.", "It also runs in 4bit precision.",
                "training precision: bf16", "Set precision = fp16 before loading.", "The precision (float16) is kept.",
                "Loaded in 16-bit precision.", "It needs room for higher-precision formats such as BF16.")) {
            assertThat(labelled(text, "metric")).as(text).isEmpty();
        }
        // the metric keeps its place in results, tables and prose
        assertThat(labelled("It reaches a precision of 0.91 on the test set.", "metric")).containsExactly("precision");
        assertThat(labelled("| Precision | 0.8 |", "metric")).containsExactly("Precision");
        assertThat(labelled("Precision: 0.87, recall: 0.81", "metric")).containsExactly("Precision", "recall");
        assertThat(labelled("We report macro precision and recall.", "metric")).contains("precision");
        // a score right after the format: the metric of that format
        assertThat(labelled("Precision (INT8): 0.905 on the test set.", "metric")).containsExactly("Precision");
        assertThat(labelled("Precision (fp16) 0.912 and recall 0.88.", "metric")).containsExactly("Precision", "recall");
        assertThat(labelled("Precision 8bit 0.91 vs 0.93", "metric")).containsExactly("Precision");
    }

    @Test
    void hyperparametersWithTheirValues() {
        List<Annotation> a = annotate("learning_rate: 2e-05");
        assertThat(a).extracting(Annotation::subject, Annotation::category, Annotation::description).containsExactly(
                tuple("learning_rate", "hyperparameter", "learning_rate = 2e-05"),
                tuple("2e-05", "numerical value", "the value of learning_rate"));
        assertThat(labelled("optimizer: Adam with betas=(0.9,0.999) and epsilon=1e-08", "hyperparameter"))
                .containsExactly("optimizer", "betas", "epsilon");
        assertThat(labelled("optimizer: Adam with betas=(0.9,0.999)", "optimizer")).containsExactly("Adam");
        assertThat(labelled("We used a batch size of 32 and a fixed seed.", "hyperparameter")).containsExactly("batch size");
    }

    @Test
    void softwareLibrariesAndVersions() {
        List<Annotation> a = annotate("Transformers 4.35.2, Pytorch 2.0.1+cu118, Datasets 2.14.5 and the datasets we chose");
        assertThat(a).filteredOn(x -> x.category().equals("software version")).extracting(Annotation::subject)
                .containsExactly("Transformers 4.35.2", "Pytorch 2.0.1+cu118", "Datasets 2.14.5");
        assertThat(a).filteredOn(x -> x.category().equals("library")).extracting(Annotation::subject)
                .containsExactly("Transformers", "Datasets");
        assertThat(a).filteredOn(x -> x.category().equals("software")).extracting(Annotation::subject)
                .containsExactly("Pytorch");
        assertThat(labelled("Install it with diffusers and sentence-transformers.", "library"))
                .containsExactly("diffusers", "sentence-transformers");
    }

    @Test
    void languagesLicensesOrganizationsHardwareTasks() {
        assertThat(labelled("It speaks English, French and Bashkir.", "language")).containsExactly("English", "French", "Bashkir");
        assertThat(labelled("Released under the Apache 2.0 license; weights are cc-by-nc-4.0.", "license"))
                .containsExactly("Apache 2.0", "cc-by-nc-4.0");
        assertThat(labelled("Trained by Meta AI and Hugging Face on 8 A100 GPUs.", "organization"))
                .containsExactly("Meta AI", "Hugging Face");
        assertThat(labelled("Trained by Meta AI and Hugging Face on 8 A100 GPUs.", "hardware")).containsExactly("A100", "GPUs");
        assertThat(labelled("A model for named entity recognition and text-classification.", "task"))
                .containsExactly("named entity recognition", "text-classification");
    }

    @Test
    void papersAndQuantities() {
        assertThat(labelled("See arXiv:2106.09685 and (Hu et al., 2021).", "paper"))
                .containsExactly("arXiv:2106.09685", "Hu et al., 2021)");
        assertThat(labelled("A 7B model trained on 1.2 trillion tokens for 3 epochs, 24 GB and 95% recall.", "quantity"))
                .contains("7B", "3 epochs", "24 GB", "95%");
    }

    @Test
    void spansPointAtTheSubject() {
        String text = "Evaluated with BLEU on WMT14 by Google.";
        for (Annotation a : annotate(text)) {
            assertThat(text.substring(a.spanStart(), a.spanEnd())).isEqualTo(a.subject());
            assertThat(a.annotator()).isEqualTo("rules");
        }
        assertThat(annotate(text)).extracting(Annotation::category).containsExactly("metric", "dataset", "organization");
    }

    @Test
    void corpusCardsGetTheSeedCategories() throws IOException {
        Path corpus = SharedData.corpusCards();
        List<ModelCard> cards = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                cards.add(ModelCard.parse(f.getParent().getFileName() + "/" + f.getFileName(), Files.readAllBytes(f)));
            }
        }
        KnownNames known = KnownNames.none();
        for (ModelCard c : cards) {
            known.addDatasets(c.metadata().datasets()).addModels(c.metadata().baseModel());
        }
        RuleAnnotator corpusRules = new RuleAnnotator(known);
        SentenceSplitter splitter = SentenceSplitter.markdown();
        List<Annotation> all = new ArrayList<>();
        List<Annotation> trainer = new ArrayList<>();
        for (ModelCard c : cards) {
            List<Annotation> a = corpusRules.annotate(splitter.split(c));
            all.addAll(a);
            if (c.id().startsWith("trainer/")) {
                trainer.addAll(a);
            }
        }
        Map<String, Long> categories = all.stream().collect(Collectors.groupingBy(Annotation::category,
                TreeMap::new, Collectors.counting()));
        assertThat(categories.keySet()).contains("model", "model modification", "dataset", "metric", "hyperparameter",
                "numerical value", "software", "software version", "library", "language", "license", "organization",
                "hardware", "task", "paper", "quantity");
        List<String> trainerMetrics = trainer.stream().filter(a -> a.category().equals("metric"))
                .map(a -> a.subject().toLowerCase(Locale.ROOT)).toList();
        assertThat(trainerMetrics).contains("accuracy", "f1", "validation loss", "training loss");
        List<String> trainerVersions = trainer.stream().filter(a -> a.category().equals("software version"))
                .map(Annotation::subject).toList();
        assertThat(trainerVersions).anyMatch(v -> v.startsWith("Transformers 4."));
        assertThat(trainer).filteredOn(a -> a.category().equals("hyperparameter")).extracting(Annotation::subject)
                .contains("learning_rate", "train_batch_size", "seed");
        assertThat(trainer).filteredOn(a -> a.category().equals("model modification")).isNotEmpty();
    }

    @Test
    void hubIdsAreLowerCasedSortedAndDistinct() {
        assertThat(RuleAnnotator.hubIds("No id here.")).isEmpty();
        assertThat(RuleAnnotator.hubIds("Fine-tuned from Org/Base-Model.")).containsExactly("org/base-model");
        assertThat(RuleAnnotator.hubIds("From org/base-model, as ORG/Base-Model says.")).containsExactly("org/base-model");
        assertThat(RuleAnnotator.hubIds("Trained on zeta/data and Alpha/Set, then alpha/set again, from org/model."))
                .containsExactly("alpha/set", "org/model", "zeta/data");
    }
}
